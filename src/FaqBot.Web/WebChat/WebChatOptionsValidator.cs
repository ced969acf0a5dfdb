using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.WebChat;

/// <summary>Refuses clinic colours that patients could not read (below WCAG AA), so a bad theme stops start-up.</summary>
public sealed partial class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    private const string White = "#FFFFFF";

    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        // Malformed colours are reported by the data annotations; contrast only makes sense for well-formed ones.
        if (!HexColour().IsMatch(options.AccentColor) || !HexColour().IsMatch(options.AccentTextColor))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var onAccent = ColourContrast.Ratio(options.AccentColor, options.AccentTextColor);
        if (onAccent < ColourContrast.AaNormalText)
        {
            failures.Add($"WebChat:AccentTextColor {options.AccentTextColor} on WebChat:AccentColor {options.AccentColor} " +
                $"has contrast {onAccent:0.00}:1; WCAG AA needs {ColourContrast.AaNormalText}:1.");
        }

        // The accent is also the colour of links and suggested-action text on the white page and panel.
        var onWhite = ColourContrast.Ratio(options.AccentColor, White);
        if (onWhite < ColourContrast.AaNormalText)
        {
            failures.Add($"WebChat:AccentColor {options.AccentColor} on white has contrast {onWhite:0.00}:1; " +
                $"WCAG AA needs {ColourContrast.AaNormalText}:1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}
