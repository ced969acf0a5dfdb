using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace FaqBot.BotFramework.Hosting;

/// <summary>
/// JSON that parses can still hold text no reply can carry: bytes that are not UTF-8, or an escaped half of a
/// surrogate pair ("\ud800"). Kept raw inside channelData or entities, such text fails only later, when a reply or a
/// log writes it, as a 500. So it is refused up front with a 400.
/// </summary>
internal static class JsonTextCheck
{
    /// <summary>Why the body's text cannot be used, or null when every string and property name is whole Unicode.</summary>
    public static string? Problem(ReadOnlySequence<byte> body) =>
        // Bodies bigger than one pipe segment are rare (tens of KB); a copy keeps every check on one span.
        body.IsSingleSegment ? Problem(body.FirstSpan) : Problem(body.ToArray().AsSpan());

    public static string? Problem(byte[] body) => Problem(body.AsSpan());

    // Every message passes here, so the common case is two vectorised scans and no allocation: raw bytes that are
    // valid UTF-8 cannot hold a surrogate (UTF-8 has no encoding for one), so only a "\u" escape can bring one in.
    private static string? Problem(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return $"The body is not valid UTF-8 near byte {FirstInvalidByte(body) + 1}.";
        }

        return body.IndexOf("\\u"u8) < 0 ? null : LoneSurrogate(body);
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> body)
    {
        var scratch = new char[body.Length];
        Utf8.ToUtf16(body, scratch, out var bytesRead, out _, replaceInvalidSequences: false);
        return bytesRead;
    }

    private static string? LoneSurrogate(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = ProtocolMaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped
                    && !IsWhole(reader.GetString()))
                {
                    return $"The body holds a broken Unicode character (a lone surrogate) near byte {reader.TokenStartIndex + 1}.";
                }
            }

            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString on an escape that decodes to no character at all.
            return $"The body holds a broken Unicode character near byte {reader.TokenStartIndex + 1}.";
        }
        catch (JsonException)
        {
            // Malformed JSON: the parser that follows says where.
            return null;
        }
    }

    // The activity parser's own limit (System.Text.Json's default); deeper bodies are refused there.
    private const int ProtocolMaxDepth = 64;

    private static bool IsWhole(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
