using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Tr;
using Lucene.Net.Util;

namespace FaqBot.Knowledge.Analysis;

/// <summary>Lucene's analysis chain for passages and questions alike: Unicode word breaks, possessives and
/// contractions cut, lower case, accents folded; with <c>stem</c>, Porter stems as the index holds them.</summary>
/// <remarks>Stop words are kept: the index counts them in a passage's length, and the question side needs them
/// for synonym phrases ("how long does it take") and "what is …" openings.</remarks>
public sealed class WordAnalyzer(bool stem) : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // UAX#29 keeps "e.g", "skin.The" and "title:x" as one word and joins words with '_'; patients and articles mean
    // two words there.
    private static readonly NormalizeCharMap Separators = BuildSeparators();

    /// <summary>Surface words (what questions and the spelling corrector use).</summary>
    public static WordAnalyzer Words { get; } = new(stem: false);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, source);
        // "don't" → "don", "you're" → "you": the part after the apostrophe is always a stop word.
        stream = new ApostropheFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stem ? new PorterStemFilter(stream) : stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Separators, reader);

    private static NormalizeCharMap BuildSeparators()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var separator in new[] { ".", ":", "_" })
        {
            builder.Add(separator, " ");
        }

        return builder.Build();
    }
}
