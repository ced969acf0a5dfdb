namespace FaqBot.BotFramework.Auth;

/// <summary>The bot's identity from the root keys every Bot Framework deployment uses (<c>MicrosoftAppId</c> and friends).</summary>
public sealed class BotCredentials
{
    /// <summary>The raw <c>MicrosoftAppType</c>; blank means MultiTenant, as in the SDK.</summary>
    public string AppTypeName { get; set; } = "";
    public string AppId { get; set; } = "";
    public string AppPassword { get; set; } = "";
    public string AppTenantId { get; set; } = "";

    /// <summary>With no App ID there is no authentication at all: local development and the Emulator with blank credentials.</summary>
    public bool AuthenticationEnabled => AppId.Length > 0;

    /// <summary>The parsed app type (case-insensitive), or null when the setting names no known type.</summary>
    public BotAppType? AppType => string.IsNullOrWhiteSpace(AppTypeName) ? BotAppType.MultiTenant
        : Enum.TryParse<BotAppType>(AppTypeName.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : null;
}
