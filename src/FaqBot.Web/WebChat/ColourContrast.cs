using System.Globalization;

namespace FaqBot.Web.WebChat;

/// <summary>WCAG 2.x contrast ratio between two <c>#RRGGBB</c> colours.</summary>
public static class ColourContrast
{
    /// <summary>WCAG AA minimum for normal-size text.</summary>
    public const double AaNormalText = 4.5;

    public static double Ratio(string first, string second)
    {
        var a = RelativeLuminance(first);
        var b = RelativeLuminance(second);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double RelativeLuminance(string hex)
    {
        var rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return 0.2126 * Linear(rgb >> 16) + 0.7152 * Linear(rgb >> 8) + 0.0722 * Linear(rgb);
    }

    // sRGB channel to linear light, as the WCAG definition of relative luminance spells it out.
    private static double Linear(int channel)
    {
        var c = (channel & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
