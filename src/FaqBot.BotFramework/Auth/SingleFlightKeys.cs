using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;

namespace FaqBot.BotFramework.Auth;

/// <summary>
/// Puts one rule in front of IdentityModel's <see cref="ConfigurationManager{T}"/> for the time before the first key set is
/// loaded, where it would make every caller queue on one lock and retry on every call: one fetch at a time, every caller
/// waits at most <c>wait</c> for that same fetch (only until a fetch has failed once: retries run in the background,
/// unwaited), and a failure is remembered (with doubling back-off) so forged tokens
/// cannot make the bot fetch again and again. Once keys are loaded, ConfigurationManager refreshes them in the background
/// and keeps serving the old ones if a refresh fails, so nothing here is needed any more.
/// </summary>
internal sealed partial class SingleFlightKeys(
    ConfigurationManager<SigningKeySet> manager, string address, TimeSpan wait, TimeSpan firstRetryDelay, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);
    private readonly Lock gate = new();
    private Task<SigningKeySet?>? fetch;
    private bool loaded;
    private bool failedOnce;
    private DateTimeOffset retryAt = DateTimeOffset.MinValue;
    private TimeSpan retryDelay = firstRetryDelay;

    /// <summary>Starts the first fetch without waiting for it, so the first real request finds the keys ready.</summary>
    public void Warm() => _ = GetAsync(CancellationToken.None);

    /// <summary>The current keys, or null when they cannot be had now (callers then reject: no keys, no trust).</summary>
    public async Task<SigningKeySet?> GetAsync(CancellationToken cancellationToken)
    {
        Task<SigningKeySet?> pending;
        lock (gate)
        {
            if (!loaded && fetch is null && time.GetUtcNow() < retryAt)
            {
                return null;
            }
            pending = loaded ? LoadedAsync(cancellationToken) : fetch ??= FirstFetchAsync();
            // Only the first load after a start is waited for (a real message may come a moment before the keys). Once a
            // fetch has failed, a retry runs in the background and nobody waits on an endpoint known to fail: otherwise
            // every retry of a hanging endpoint made each token check (forged or not) wait the whole MetadataTimeout.
            if (!loaded && failedOnce)
            {
                return null;
            }
        }

        try
        {
            return await pending.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // ConfigurationManager's own failure (it keeps serving old keys, so this is only before any load).
            return null;
        }
    }

    private async Task<SigningKeySet?> LoadedAsync(CancellationToken cancellationToken) =>
        await manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);

    public void RequestRefresh()
    {
        // Rate-limited by ConfigurationManager (RefreshInterval) and only meaningful once keys were loaded.
        if (loaded)
        {
            manager.RequestRefresh();
        }
    }

    private async Task<SigningKeySet?> FirstFetchAsync()
    {
        // Off the caller's thread and token: the fetch is shared, so one caller giving up must not cancel it for the rest.
        await Task.Yield();
        try
        {
            var keys = await manager.GetConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
            lock (gate)
            {
                loaded = true;
                fetch = null;
            }
            return keys;
        }
        catch (Exception ex)
        {
            TimeSpan delay;
            lock (gate)
            {
                delay = retryDelay;
                retryAt = time.GetUtcNow() + delay;
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
                fetch = null;
                failedOnce = true;
            }
            // One line per failed fetch, and fetches are spaced by the back-off: no stack trace, the cause in one phrase.
            var cause = ex.GetBaseException();
            Log.Unavailable(logger, address, cause.GetType().Name, cause.Message, delay.TotalSeconds);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(302, LogLevel.Warning, "Could not load the OpenID metadata or signing keys from {Address} ({Cause}: {Detail}); tokens it signs are rejected until it loads; next attempt in {Seconds} s")]
        public static partial void Unavailable(ILogger logger, string address, string cause, string detail, double seconds);
    }
}
