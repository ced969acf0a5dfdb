using System.Text;

namespace FaqBot.BotFramework.Logging;

/// <summary>
/// Makes a caller-chosen value (an id, a URL) safe to put in a log line: control characters become \uXXXX escapes, so a
/// newline in a conversation id cannot start a forged log line, and the value is cut to a length an id never needs.
/// </summary>
public static class LogText
{
    public const int MaxLength = 200;

    public static string? Escape(string? value, int maxLength = MaxLength)
    {
        if (value is null)
        {
            return null;
        }
        var cut = value.Length > maxLength;
        var span = cut ? value.AsSpan(0, maxLength) : value.AsSpan();
        if (!cut && !NeedsEscape(span))
        {
            return value;
        }

        var text = new StringBuilder(span.Length + 16);
        foreach (var c in span)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' || char.IsSurrogate(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
        return cut ? text.Append("…(").Append(value.Length).Append(" chars)").ToString() : text.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' || char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }
}
