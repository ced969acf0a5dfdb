using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;

namespace FaqBot.Knowledge.Analysis;

/// <summary>Lucene's <see cref="PorterStemFilter"/> for single words, memoised: a build stems each distinct word
/// once, not each of its millions of occurrences.</summary>
internal sealed class Stemmer
{
    private static readonly Analyzer Porter = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new KeywordTokenizer(reader);
        return new TokenStreamComponents(source, new PorterStemFilter(source));
    });

    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

    /// <summary>Distinct words stemmed so far.</summary>
    public int WordCount => _stems.Count;

    public string Stem(string word) => _stems.TryGetValue(word, out var stem) ? stem : _stems.GetOrAdd(word, StemOnce);

    public static string StemOnce(string word)
    {
        using var stream = Porter.GetTokenStream("", word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var stem = stream.IncrementToken() ? term.ToString() : word;
        stream.End();
        return stem;
    }
}
