using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.Auth;

/// <summary>
/// Decides whether an inbound activity really comes from a Bot Framework channel (or the Emulator) for this bot, following
/// the specification's procedure (protocol reference 5.1–5.3); every failure is a value with a reason, never an exception.
/// The header is checked first, before the body is read (<see cref="CheckHeaderAsync"/>); what binds the token to the
/// activity (endorsed channel, serviceurl claim) is checked once the body is there (<see cref="Bind"/>).
/// </summary>
public sealed partial class ChannelTokenValidator
{
    public const string MetadataHttpClientName = "BotFrameworkMetadata";

    private readonly IOptions<BotCredentials> credentials;
    private readonly IOptions<BotFrameworkOptions> options;
    private readonly ILogger<ChannelTokenValidator> logger;
    private readonly JsonWebTokenHandler handler = new();
    private readonly Lazy<OpenIdMetadata> channelMetadata;
    private readonly Lazy<OpenIdMetadata> emulatorMetadata;
    private readonly RejectionLog rejections;

    public ChannelTokenValidator(
        IOptions<BotCredentials> credentials,
        IOptions<BotFrameworkOptions> options,
        IHttpClientFactory httpClientFactory,
        ILogger<ChannelTokenValidator> logger,
        TimeProvider? time = null)
    {
        this.credentials = credentials;
        this.options = options;
        this.logger = logger;
        time ??= TimeProvider.System;
        var o = options.Value;
        OpenIdMetadata Metadata(string url) =>
            new(url, httpClientFactory.CreateClient(MetadataHttpClientName), o.MetadataTimeout, o.MetadataRetryDelay, time, logger);
        channelMetadata = new(() => Metadata(o.ToBotFromChannelOpenIdMetadataUrl));
        emulatorMetadata = new(() => Metadata(o.ToBotFromEmulatorOpenIdMetadataUrl));
        rejections = new RejectionLog(logger, time, o.RejectionLogInterval);
    }

    /// <summary>Starts loading both key sets in the background, so the first real request does not wait for them.</summary>
    public void WarmUp()
    {
        if (credentials.Value.AuthenticationEnabled)
        {
            channelMetadata.Value.Warm();
            emulatorMetadata.Value.Warm();
        }
    }

    /// <summary>What the Authorization header proves on its own; a rejection here means the body is never read.</summary>
    public async Task<TokenCheck> CheckHeaderAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        var check = await DecideAsync(authorizationHeader, cancellationToken).ConfigureAwait(false);
        if (check.Failure is { } failure)
        {
            rejections.Rejected(failure.FailureReason!);
        }
        return check;
    }

    /// <summary>Binds a header check to the activity it came with; only a channel token has anything left to check.</summary>
    public AuthOutcome Bind(TokenCheck check, Activity activity)
    {
        if (check.Failure is { } failure)
        {
            return failure;
        }
        if (check.Accepted != AuthOutcome.Channel)
        {
            return check.Accepted;
        }

        // The key must be endorsed for this channel, or a key issued for one channel could speak for another.
        string? reason = null;
        if (string.IsNullOrEmpty(activity.ChannelId) || check.KeyId is null || check.Endorsements?.Endorses(check.KeyId, activity.ChannelId) != true)
        {
            reason = "signing key not endorsed for the channel";
        }
        // Binding serviceUrl to the token is what stops a forged activity from steering our replies (and token) elsewhere.
        else if (check.ServiceUrlClaim is null || !string.Equals(check.ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            reason = "serviceurl claim does not match the activity";
        }

        if (reason is null)
        {
            return AuthOutcome.Channel;
        }
        // Caller-chosen ids only at Debug, escaped.
        Log.RejectedActivity(logger, LogText.Escape(activity.ChannelId), LogText.Escape(activity.Conversation?.Id));
        rejections.Rejected(reason);
        return AuthOutcome.Fail(reason);
    }

    private async Task<TokenCheck> DecideAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        var bot = credentials.Value;
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return bot.AuthenticationEnabled ? TokenCheck.Fail("no Authorization header") : TokenCheck.Anonymous;
        }
        if (!bot.AuthenticationEnabled)
        {
            // As in the SDK: a token sent to a bot without an App ID cannot be for this bot.
            return TokenCheck.Fail("a token was sent but no MicrosoftAppId is configured");
        }

        // The SDK compares the scheme case-sensitively.
        const string Scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(Scheme, StringComparison.Ordinal) || authorizationHeader.Length == Scheme.Length)
        {
            return TokenCheck.Fail("not a bearer token");
        }

        var token = authorizationHeader[Scheme.Length..];
        JsonWebToken unverified;
        try
        {
            unverified = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Fail("malformed token");
        }

        // The unverified issuer only picks which keys and rules apply; the full validation below decides.
        if (string.Equals(unverified.Issuer, options.Value.ToBotFromChannelTokenIssuer, StringComparison.Ordinal))
        {
            return await ValidateChannelTokenAsync(token, cancellationToken).ConfigureAwait(false);
        }

        var emulatorIssuers = EmulatorIssuers.For(bot.AppTenantId);
        if (emulatorIssuers.Contains(unverified.Issuer, StringComparer.Ordinal))
        {
            return await ValidateEmulatorTokenAsync(token, unverified, emulatorIssuers, cancellationToken).ConfigureAwait(false);
        }

        return TokenCheck.Fail("unknown issuer");
    }

    private async Task<TokenCheck> ValidateChannelTokenAsync(string token, CancellationToken cancellationToken)
    {
        var (result, endorsements) = await channelMetadata.Value
            .ValidateAsync(token, [options.Value.ToBotFromChannelTokenIssuer], credentials.Value.AppId, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return TokenCheck.Fail($"channel token invalid: {Describe(result)}");
        }

        var serviceUrlClaim = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        return new TokenCheck(null, AuthOutcome.Channel, serviceUrlClaim, result.SecurityToken.SigningKey?.KeyId, endorsements);
    }

    private async Task<TokenCheck> ValidateEmulatorTokenAsync(
        string token, JsonWebToken unverified, IReadOnlyList<string> issuers, CancellationToken cancellationToken)
    {
        // v1 tokens name the calling app in "appid", v2 tokens in "azp"; anything else is not an Emulator token.
        var version = unverified.TryGetPayloadValue<string>("ver", out var ver) ? ver : null;
        var appIdClaim = version switch
        {
            null or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null)
        {
            return TokenCheck.Fail("unknown token version");
        }

        var (result, _) = await emulatorMetadata.Value.ValidateAsync(token, issuers, credentials.Value.AppId, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return TokenCheck.Fail($"emulator token invalid: {Describe(result)}");
        }

        // A token from another app with our audience is a skill (bot-to-bot) call, which this bot does not take.
        var appId = result.Claims.TryGetValue(appIdClaim, out var claim) ? claim as string : null;
        if (!string.Equals(appId, credentials.Value.AppId, StringComparison.Ordinal))
        {
            return TokenCheck.Fail("token was issued to another app");
        }

        // Emulator tokens carry no serviceurl claim, so the serviceUrl stays unauthenticated (no bot token goes there).
        return TokenCheck.Emulator;
    }

    // The exception's type names the failed check; "signing keys unavailable" says the metadata could not be loaded.
    private static string Describe(TokenValidationResult result) => result.Exception switch
    {
        InvalidOperationException unavailable => unavailable.Message,
        { } other => other.GetType().Name,
        null => "unknown",
    };

    private static partial class Log
    {
        [LoggerMessage(304, LogLevel.Debug, "Rejected inbound {ChannelId} activity for conversation {ConversationId}")]
        public static partial void RejectedActivity(ILogger logger, string? channelId, string? conversationId);
    }
}
