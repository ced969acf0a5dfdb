using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FaqBot.Knowledge.Analysis;

// Feeds words that were analysed once into several index fields (stems for title/heading/body, surface words for the
// vocabulary), instead of running the analysis chain again for each field.
internal sealed class WordsTokenStream : TokenStream
{
    private readonly ICharTermAttribute _term;
    private IReadOnlyList<string> _words = [];
    private int _next;

    public WordsTokenStream() => _term = AddAttribute<ICharTermAttribute>();

    public WordsTokenStream SetWords(IReadOnlyList<string> words)
    {
        (_words, _next) = (words, 0);
        return this;
    }

    public override bool IncrementToken()
    {
        if (_next >= _words.Count)
        {
            return false;
        }

        ClearAttributes();
        _term.SetEmpty().Append(_words[_next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
