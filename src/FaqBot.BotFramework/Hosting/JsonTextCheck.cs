using System.Buffers;
using System.Text.Json;

namespace FaqBot.BotFramework.Hosting;

/// <summary>
/// JSON that parses can still hold text no reply can carry: bytes that are not UTF-8, or an escaped half of a
/// surrogate pair ("\ud800"). Kept raw inside channelData or entities, such text fails only later, when a reply or a
/// log writes it, as a 500. Every string of the body is read once here, so it is refused up front with a 400.
/// </summary>
internal static class JsonTextCheck
{
    /// <summary>Why the body's text cannot be used, or null when every string and property name is whole Unicode.</summary>
    public static string? Problem(ReadOnlySequence<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = ProtocolMaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsWhole(reader.GetString()))
                {
                    return $"The body holds a broken Unicode character (a lone surrogate) near byte {reader.TokenStartIndex + 1}.";
                }
            }

            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString on bytes that are not UTF-8.
            return $"The body is not valid UTF-8 near byte {reader.TokenStartIndex + 1}.";
        }
        catch (JsonException)
        {
            // Malformed JSON: the parser that follows says where.
            return null;
        }
    }

    public static string? Problem(byte[] body) => Problem(new ReadOnlySequence<byte>(body));

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
