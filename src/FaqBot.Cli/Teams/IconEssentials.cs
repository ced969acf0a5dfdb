using System.Text.Json.Nodes;

namespace FaqBot.Cli.Teams;

/// <summary>The icon rules of a Teams package: file names at the root, sizes from the PNG header, a white-on-transparent outline.</summary>
internal static class IconEssentials
{
    public const int ColorIconSize = 192;
    public const int OutlineIconSize = 32;

    public static void Check(List<string> problems, JsonObject? icons, PngInfo? color, PngInfo? outline, byte[]? outlinePixels)
    {
        foreach (var key in new[] { "color", "outline" })
        {
            // Teams looks for the icons at the package's root, so a folder in the name cannot work.
            if (ManifestEssentials.Text(icons, key) is not { } file || file.IndexOfAny(['/', '\\']) >= 0 || !file.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"icons.{key} must name a .png file at the package root, such as {key}.png");
            }
        }

        CheckIcon(problems, "colour icon", color, ColorIconSize);
        CheckIcon(problems, "outline icon", outline, OutlineIconSize);
        if (outline is { HasAlphaChannel: false })
        {
            problems.Add("the outline icon must have a transparent background (a PNG with an alpha channel)");
        }

        CheckOutlineColours(problems, outlinePixels);
    }

    // Teams draws the outline icon on its own backgrounds, so only white (255,255,255) and transparency are allowed.
    private static void CheckOutlineColours(List<string> problems, byte[]? rgba)
    {
        if (rgba is null)
        {
            return;
        }

        int coloured = 0, transparent = 0;
        for (var i = 0; i < rgba.Length; i += 4)
        {
            if (rgba[i + 3] == 0)
            {
                transparent++;
            }
            else if (rgba[i] != 255 || rgba[i + 1] != 255 || rgba[i + 2] != 255)
            {
                coloured++;
            }
        }

        if (coloured > 0)
        {
            problems.Add($"the outline icon must be white (255,255,255) on transparency; {coloured} visible pixels are another colour");
        }

        if (transparent == 0)
        {
            problems.Add("the outline icon has no transparent pixels; its background must be transparent");
        }
    }

    private static void CheckIcon(List<string> problems, string label, PngInfo? icon, int size)
    {
        if (icon is null)
        {
            problems.Add($"the {label} is not a PNG file");
        }
        else if (icon.Width != size || icon.Height != size)
        {
            problems.Add($"the {label} must be {size}x{size} pixels, not {icon.Width}x{icon.Height}");
        }
    }
}
