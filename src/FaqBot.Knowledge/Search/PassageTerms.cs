namespace FaqBot.Knowledge.Search;

// The stems of one passage's title, heading path and text, computed once per passage and kept for re-ranking.
// Pairs of neighbouring stems (stop words skipped) let phrases such as "side effects" match as phrases.
internal sealed class PassageTerms
{
    public PassageTerms(Vocabulary vocabulary, string title, IReadOnlyList<string> headings, string text)
    {
        Title = new Field(vocabulary, Tokenizer.Words(title));
        // An article's opening passage sits directly under its title, so the title is its heading.
        HeadingIsTitle = headings.Count == 0;
        Heading = headings.Count == 0 ? Title : new Field(vocabulary, headings.SelectMany(h => Tokenizer.Words(h).Append("")));
        Body = new Field(vocabulary, Tokenizer.Words(text));
        Sentences = BestSentence.Split(text, vocabulary);
        LeafHeading = headings.Count == 0 ? [] : Tokenizer.Words(headings[^1]).Select(vocabulary.StemOf).Where(s => s >= 0).ToHashSet();
    }

    public bool HeadingIsTitle { get; }

    /// <summary>All words of the passage's own heading, stop words included.</summary>
    public HashSet<int> LeafHeading { get; }

    public List<(string Text, Field Field)> Sentences { get; }

    public Field Title { get; }

    public Field Heading { get; }

    public Field Body { get; }

    public static long Pair(int first, int second) => ((long)first << 32) | (uint)second;

    internal sealed class Field
    {
        public Field(Vocabulary vocabulary, IEnumerable<string> words)
        {
            var previous = -1;
            foreach (var word in words)
            {
                if (word.Length == 0)
                {
                    previous = -1;
                    continue;
                }

                if (StopWords.Contains(word))
                {
                    continue;
                }

                var stem = vocabulary.StemOf(word);
                if (stem >= 0)
                {
                    Stems.Add(stem);
                    if (previous >= 0)
                    {
                        Pairs.Add(Pair(previous, stem));
                    }
                }

                previous = stem;
            }
        }

        public HashSet<int> Stems { get; } = [];

        public HashSet<long> Pairs { get; } = [];

        public bool Matches(QueryTerm term)
        {
            var alternatives = term.AlternativeArray;
            for (var i = 0; i < alternatives.Length; i++)
            {
                if (Contains(alternatives[i]))
                {
                    return true;
                }
            }

            return false;
        }

        public bool Contains(int[] phrase)
        {
            if (phrase.Length == 1)
            {
                return Stems.Contains(phrase[0]);
            }

            for (var i = 1; i < phrase.Length; i++)
            {
                if (!Pairs.Contains(Pair(phrase[i - 1], phrase[i])))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
