using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Chunking;

/// <summary>Splits prose into sentences without breaking at abbreviations, decimals or initials.</summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "dr", "mr", "mrs", "ms", "prof", "vs", "al", "fig", "figs", "no", "st", "approx", "ca", "cf", "jr", "sr", "inc", "ltd", "vol", "ed", "eds", "p", "pp", "ref", "refs",
    };

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        foreach (Match m in Boundary().Matches(text))
        {
            var end = m.Index + m.Groups["end"].Length;
            if (IsAbbreviation(text, m.Index))
            {
                continue;
            }

            Add(sentences, text[start..end]);
            start = m.Index + m.Length;
        }

        Add(sentences, text[start..]);
        return sentences;
    }

    private static void Add(List<string> sentences, string sentence)
    {
        sentence = sentence.Trim();
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }

    // The word before the full stop: "e.g." or a single initial ("J. Smith") does not end a sentence.
    private static bool IsAbbreviation(string text, int stopIndex)
    {
        if (text[stopIndex] != '.')
        {
            return false;
        }

        var wordStart = stopIndex;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] != '(')
        {
            wordStart--;
        }

        var word = text[wordStart..stopIndex];
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    // A stop, then closing quotes or brackets, then space, then something that can open a sentence.
    [GeneratedRegex("""(?<end>[.!?][”"’')\]]*)\s+(?=[A-Z0-9“"‘'(\[])""")]
    private static partial Regex Boundary();
}
