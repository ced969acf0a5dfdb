using System.ComponentModel.DataAnnotations;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The <c>DirectLine</c> section: our own Direct Line 3.0 server, its limits, and the optional Azure mode.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>An Azure Direct Line secret; when set, the token endpoint hands out Azure tokens instead of ours.</summary>
    public string Secret { get; set; } = "";

    [Required, Url]
    public string AzureBaseUrl { get; set; } = "https://directline.botframework.com/v3/directline";

    /// <summary>Base64 HMAC key (at least 32 bytes) for our tokens; empty means a random key per process start.</summary>
    public string TokenSigningKey { get; set; } = "";

    /// <summary>Optional secret for server-to-server <c>tokens/generate</c> against our own Direct Line; empty disables it.</summary>
    public string ServerSecret { get; set; } = "";

    /// <summary>The Direct Line base URL the page should use; empty means this request's own origin plus the mapped prefix.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Web origins allowed to call the token endpoint and Direct Line from a browser (CORS); no wildcard.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    // Direct Line JS refreshes every 15 minutes and assumes a 30-minute lifetime, so tokens must last at least that long.
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 2000;

    [Range(1, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 400;

    [Range(1024, 64 * 1024 * 1024)]
    public int MaxHistoryBytesPerConversation { get; set; } = 256 * 1024;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ConversationMaxAge { get; set; } = TimeSpan.FromHours(24);

    [Range(256, 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 16 * 1024;

    // Web Chat shows "send failed" after 20 s without an answer; the POST returns well before that, the turn may go on.
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:19")]
    public TimeSpan TurnResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TurnMaxDuration { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 100_000)]
    public int RequestsPerMinutePerToken { get; set; } = 180;

    [Range(1, 1_000_000)]
    public int RequestsPerMinutePerAddress { get; set; } = 1200;

    [Range(1, 100_000)]
    public int TokenRequestsPerMinutePerAddress { get; set; } = 30;

    /// <summary>Why an upload or attachment gets a 400: the message of the error body. A host with its own words for
    /// its users (FaqBot.Web: the clinic's) sets it; patient photos are health data the bot must not collect.</summary>
    [Required]
    public string UploadRefusal { get; set; } = DefaultUploadRefusal;

    public const string DefaultUploadRefusal = "This chat does not accept files or photos. Please describe your question in words.";

    [Required]
    public string BotId { get; set; } = "faqbot";

    public string BotName { get; set; } = "FaqBot";
}
