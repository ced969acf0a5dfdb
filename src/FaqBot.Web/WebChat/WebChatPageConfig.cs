namespace FaqBot.Web.WebChat;

/// <summary>What the clinic page reads from <c>GET /api/webchat/config</c> to brand itself and its chat.</summary>
public sealed record WebChatPageConfig(
    string ClinicName,
    string Phone,
    string EmergencyNumber,
    string AccentColor,
    string AccentTextColor,
    string AvatarUrl,
    string AvatarInitials,
    string Locale);
