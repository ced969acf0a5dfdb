namespace FaqBot.Knowledge.Search;

// The stems of one passage's title, heading path and text, computed once per passage and kept for re-ranking.
internal sealed class PassageTerms
{
    public PassageTerms(Vocabulary vocabulary, string title, IReadOnlyList<string> headings, string text)
    {
        Title = Stems(vocabulary, Tokenizer.Words(title));
        Heading = Stems(vocabulary, headings.SelectMany(h => Tokenizer.Words(h)));
        Body = Stems(vocabulary, Tokenizer.Words(text));
    }

    public HashSet<int> Title { get; }

    public HashSet<int> Heading { get; }

    public HashSet<int> Body { get; }

    public static HashSet<int> Stems(Vocabulary vocabulary, IEnumerable<string> words)
    {
        var set = new HashSet<int>();
        foreach (var word in words)
        {
            var stem = vocabulary.StemOf(word);
            if (stem >= 0)
            {
                set.Add(stem);
            }
        }

        return set;
    }
}
