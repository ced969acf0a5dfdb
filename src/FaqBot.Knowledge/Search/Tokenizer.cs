using System.Globalization;
using System.Text;

namespace FaqBot.Knowledge.Search;

/// <summary>Splits text into lower-case words the way FTS5's unicode61 tokenizer does, so our words match its terms.</summary>
public static class Tokenizer
{
    public static List<string> Words(string text, int maxWords = int.MaxValue)
    {
        var words = new List<string>();
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (IsWordChar(c))
            {
                builder.Append(c);
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (Flush(builder, words) && words.Count >= maxWords)
            {
                return words;
            }
        }

        Flush(builder, words);
        return words;
    }

    private static bool Flush(StringBuilder builder, List<string> words)
    {
        if (builder.Length == 0)
        {
            return false;
        }

        words.Add(Fold(builder.ToString()));
        builder.Clear();
        return true;
    }

    // unicode61 with remove_diacritics: "Café" and "cafe" are one term.
    private static string Fold(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word.ToLowerInvariant();
        }

        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse;
}
