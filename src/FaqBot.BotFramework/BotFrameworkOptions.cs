using System.ComponentModel.DataAnnotations;

namespace FaqBot.BotFramework;

/// <summary>The <c>BotFramework</c> section: limits, timeouts and endpoints of the protocol (credentials live in <see cref="Auth.BotCredentials"/>).</summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>Largest accepted <c>/api/messages</c> body; the Connector itself refuses more than 262,144 bytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 262_144;

    /// <summary>How long an inbound POST waits for its turn before it is acknowledged and the turn finishes in the background.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan InboundWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Budget for one reply to the channel, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan OutboundTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Budget for a single HTTP attempt at the channel.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan OutboundAttemptTimeout { get; set; } = TimeSpan.FromSeconds(8);

    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Longest pause between retries; a channel asking (Retry-After) for more than this is given up on.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a token check waits for the OpenID metadata and keys; one fetch is given up on after three times this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed metadata fetch, tokens are rejected without another fetch for this long (doubling to 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MetadataRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most one Warning line per this interval about rejected tokens; each rejection is logged at Debug.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RejectionLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// With no MicrosoftAppId nobody is authenticated, so <c>/api/messages</c> answers only loopback callers (the Emulator
    /// on the same machine); set this to accept anonymous callers from other addresses too (e.g. behind a dev tunnel).
    /// </summary>
    public bool AllowAnonymousRemoteCallers { get; set; }

    /// <summary>Service URL prefixes that unauthenticated activities may be answered at, besides loopback (e.g. a dev tunnel).</summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>Sent when the bot's logic fails, so the user is never left without an answer.</summary>
    [Required]
    public string FallbackReplyText { get; set; } = "Sorry, something went wrong on my side. Please try again in a moment.";

    // The names below are the SDK's configuration keys, so operators recognise them (protocol reference 5.4).
    [Required, Url]
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    [Required]
    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    [Required, Url]
    public string ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    [Required, Url]
    public string ToChannelFromBotLoginUrl { get; set; } = "https://login.microsoftonline.com/botframework.com";

    [Required]
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";
}
