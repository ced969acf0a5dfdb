using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.WebChat;

/// <summary>The <c>WebChat</c> section: how the clinic page and its chat widget look.</summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    private const string HexColour = "^#[0-9A-Fa-f]{6}$";

    /// <summary>The clinic's colour for the header, launcher, buttons and the patient's bubbles.</summary>
    [Required, RegularExpression(HexColour)]
    public string AccentColor { get; set; } = "#00695C";

    /// <summary>Text drawn on the accent colour; together they must pass WCAG AA contrast.</summary>
    [Required, RegularExpression(HexColour)]
    public string AccentTextColor { get; set; } = "#FFFFFF";

    /// <summary>The bot's avatar image, relative to the page or absolute; empty shows the initials.</summary>
    public string AvatarUrl { get; set; } = "img/clinic-avatar.svg";

    [Required, StringLength(3, MinimumLength = 1)]
    public string AvatarInitials { get; set; } = "FAQ";

    [Required]
    public string Locale { get; set; } = "en-US";
}
