using FaqBot.Knowledge.Analysis;
using FaqBot.Knowledge.Search.Highlight;
using FaqBot.Knowledge.Search.Queries;
namespace FaqBot.Knowledge.Search.Ranking;

// The stems of one passage's title, heading path and text, computed once per passage and kept for re-ranking.
// Pairs of neighbouring stems (stop words skipped) let phrases such as "side effects" match as phrases.
internal sealed class PassageTerms
{
    public PassageTerms(Vocabulary vocabulary, string title, IReadOnlyList<string> headings, string text)
    {
        var titleWords = TextWords.Of(title);
        Title = new Field(vocabulary, titleWords);
        // An article's opening passage sits directly under its title, so the title is its heading.
        HeadingIsTitle = headings.Count == 0;
        Heading = headings.Count == 0 ? Title : new Field(vocabulary, headings.SelectMany(h => TextWords.Of(h).Append("")));
        var words = TextWords.Of(text);
        WordCount = words.Count;
        Body = new Field(vocabulary, words);
        Sentences = BestSentence.Split(text, vocabulary);
        Defines = DefinedSubjects(vocabulary, Sentences);
        LeafHeading = headings.Count == 0 ? [] : TextWords.Of(headings[^1]).Select(vocabulary.StemOf).Where(s => s >= 0).ToHashSet();
    }

    public bool HeadingIsTitle { get; }

    public int WordCount { get; }

    /// <summary>What the passage's sentences define: the words before an early "is"/"are" ("Microneedling is a
    /// procedure…", "Vitiligo is marked by…"), but "Microneedling devices are…" defines devices.</summary>
    public List<int[]> Defines { get; }

    /// <summary>All words of the passage's own heading, stop words included.</summary>
    public HashSet<int> LeafHeading { get; }

    public List<(string Text, Field Field)> Sentences { get; }

    public Field Title { get; }

    public Field Heading { get; }

    public Field Body { get; }

    private static List<int[]> DefinedSubjects(Vocabulary vocabulary, List<(string Text, Field Field)> sentences)
    {
        var subjects = new List<int[]>();
        foreach (var (sentence, _) in sentences)
        {
            var words = TextWords.Of(sentence, 6);
            var verb = words.FindIndex(w => w is "is" or "are" or "also");
            if (verb is > 0 and <= 4)
            {
                var stems = words.Take(verb).Where(w => !StopWords.Contains(w)).Select(vocabulary.StemOf).ToArray();
                if (stems.Length > 0 && stems.All(s => s >= 0))
                {
                    subjects.Add(stems);
                }
            }
        }

        return subjects;
    }

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
