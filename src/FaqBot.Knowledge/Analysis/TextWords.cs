using Lucene.Net.Analysis.TokenAttributes;

namespace FaqBot.Knowledge.Analysis;

/// <summary>Text as the list of words <see cref="WordAnalyzer.Words"/> makes of it.</summary>
public static class TextWords
{
    /// <summary>At most <paramref name="maxWords"/> words; never throws on user text (NUL, emoji, RTL, 100 KB).</summary>
    public static List<string> Of(string text, int maxWords = int.MaxValue)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        using var stream = WordAnalyzer.Words.GetTokenStream("", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (words.Count < maxWords && stream.IncrementToken())
        {
            words.Add(new string(term.Buffer, 0, term.Length));
        }

        stream.End();
        return words;
    }
}
