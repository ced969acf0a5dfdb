using FaqBot.BotFramework.Auth;

namespace FaqBot.TestSupport;

/// <summary>Stands in for MSAL so tests can see exactly where the bot's token travels.</summary>
public sealed class FakeBotTokenProvider : IBotTokenProvider
{
    public const string Token = "fake-bot-token";
    public const string RefreshedToken = "refreshed-bot-token";
    private int requests;
    private int forcedRefreshes;

    public int Requests => Volatile.Read(ref requests);
    public int ForcedRefreshes => Volatile.Read(ref forcedRefreshes);

    public Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        if (forceRefresh)
        {
            Interlocked.Increment(ref forcedRefreshes);
        }
        return Task.FromResult(forceRefresh ? RefreshedToken : Token);
    }
}
