using FaqBot.BotFramework.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.Auth;

/// <summary>
/// Decides whether an inbound activity really comes from a Bot Framework channel (or the Emulator) for this bot, following
/// the specification's procedure (protocol reference 5.1–5.3); every failure is a value with a reason, never an exception.
/// </summary>
public sealed partial class ChannelTokenValidator(
    IOptions<BotCredentials> credentials,
    IOptions<BotFrameworkOptions> options,
    IHttpClientFactory httpClientFactory,
    ILogger<ChannelTokenValidator> logger)
{
    public const string MetadataHttpClientName = "BotFrameworkMetadata";

    private readonly JsonWebTokenHandler handler = new();
    private readonly Lazy<OpenIdMetadata> channelMetadata = new(() =>
        new OpenIdMetadata(options.Value.ToBotFromChannelOpenIdMetadataUrl, httpClientFactory.CreateClient(MetadataHttpClientName)));
    private readonly Lazy<OpenIdMetadata> emulatorMetadata = new(() =>
        new OpenIdMetadata(options.Value.ToBotFromEmulatorOpenIdMetadataUrl, httpClientFactory.CreateClient(MetadataHttpClientName)));

    public async Task<AuthOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var outcome = await DecideAsync(authorizationHeader, activity, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            Log.Rejected(logger, activity.ChannelId, activity.Conversation?.Id, outcome.FailureReason);
        }
        return outcome;
    }

    private async Task<AuthOutcome> DecideAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var bot = credentials.Value;
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return bot.AuthenticationEnabled ? AuthOutcome.Fail("no Authorization header") : AuthOutcome.Anonymous;
        }
        if (!bot.AuthenticationEnabled)
        {
            // As in the SDK: a token sent to a bot without an App ID cannot be for this bot.
            return AuthOutcome.Fail("a token was sent but no MicrosoftAppId is configured");
        }

        // The SDK compares the scheme case-sensitively.
        const string Scheme = "Bearer ";
        if (!authorizationHeader.StartsWith(Scheme, StringComparison.Ordinal) || authorizationHeader.Length == Scheme.Length)
        {
            return AuthOutcome.Fail("not a bearer token");
        }

        var token = authorizationHeader[Scheme.Length..];
        JsonWebToken unverified;
        try
        {
            unverified = handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return AuthOutcome.Fail("malformed token");
        }

        // The unverified issuer only picks which keys and rules apply; the full validation below decides.
        if (string.Equals(unverified.Issuer, options.Value.ToBotFromChannelTokenIssuer, StringComparison.Ordinal))
        {
            return await ValidateChannelTokenAsync(token, activity, cancellationToken).ConfigureAwait(false);
        }

        var emulatorIssuers = EmulatorIssuers.For(bot.AppTenantId);
        if (emulatorIssuers.Contains(unverified.Issuer, StringComparer.Ordinal))
        {
            return await ValidateEmulatorTokenAsync(token, unverified, emulatorIssuers, cancellationToken).ConfigureAwait(false);
        }

        return AuthOutcome.Fail("unknown issuer");
    }

    private async Task<AuthOutcome> ValidateChannelTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var metadata = channelMetadata.Value;
        var result = await ValidateSignedTokenAsync(token, metadata, [options.Value.ToBotFromChannelTokenIssuer], cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AuthOutcome.Fail($"channel token invalid: {result.Exception?.GetType().Name}");
        }

        // The key must be endorsed for this channel, or a key issued for one channel could speak for another.
        var keyId = result.SecurityToken.SigningKey?.KeyId;
        var endorsements = await metadata.TryGetEndorsementsAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(activity.ChannelId) || keyId is null || endorsements?.Endorses(keyId, activity.ChannelId) != true)
        {
            return AuthOutcome.Fail("signing key not endorsed for the channel");
        }

        // Binding serviceUrl to the token is what stops a forged activity from steering our replies (and token) elsewhere.
        var serviceUrlClaim = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (serviceUrlClaim is null || !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return AuthOutcome.Fail("serviceurl claim does not match the activity");
        }

        return AuthOutcome.Channel;
    }

    private async Task<AuthOutcome> ValidateEmulatorTokenAsync(
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
            return AuthOutcome.Fail("unknown token version");
        }

        var result = await ValidateSignedTokenAsync(token, emulatorMetadata.Value, issuers, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return AuthOutcome.Fail($"emulator token invalid: {result.Exception?.GetType().Name}");
        }

        // A token from another app with our audience is a skill (bot-to-bot) call, which this bot does not take.
        var appId = result.Claims.TryGetValue(appIdClaim, out var claim) ? claim as string : null;
        if (!string.Equals(appId, credentials.Value.AppId, StringComparison.Ordinal))
        {
            return AuthOutcome.Fail("token was issued to another app");
        }

        // Emulator tokens carry no serviceurl claim, so the serviceUrl stays unauthenticated (no bot token goes there).
        return AuthOutcome.Emulator;
    }

    private async Task<TokenValidationResult> ValidateSignedTokenAsync(
        string token, OpenIdMetadata metadata, IReadOnlyList<string> issuers, CancellationToken cancellationToken)
    {
        var result = await metadata.ValidateAsync(token, issuers, credentials.Value.AppId, cancellationToken).ConfigureAwait(false);
        if (result.Exception is InvalidOperationException unavailable)
        {
            Log.MetadataUnavailable(logger, unavailable);
        }
        return result;
    }

    private static partial class Log
    {
        [LoggerMessage(300, LogLevel.Warning, "Rejected inbound {ChannelId} activity for conversation {ConversationId}: {Reason}")]
        public static partial void Rejected(ILogger logger, string? channelId, string? conversationId, string? reason);

        [LoggerMessage(301, LogLevel.Error, "Could not load the OpenID metadata or signing keys; inbound tokens cannot be validated")]
        public static partial void MetadataUnavailable(ILogger logger, Exception exception);
    }
}
