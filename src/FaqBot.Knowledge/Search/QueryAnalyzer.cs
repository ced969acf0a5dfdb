namespace FaqBot.Knowledge.Search;

/// <summary>Turns a patient's question into weighted terms: stop words out, synonyms in, misspellings corrected towards the index.</summary>
public sealed class QueryAnalyzer(Vocabulary vocabulary, SynonymTable synonyms)
{
    private const int MaxQuestionChars = 2000;
    private const int MaxTokens = 200;
    private const int MaxTerms = 24;

    // An unknown word is likely what the question is really about, so it weighs like a rare word.
    private const double UnknownWeightShare = 0.6;
    private const double CorrectedWeightShare = 0.9;
    private const double WeakWeightShare = 0.35;

    public QueryPlan Analyze(string? question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return new QueryPlan([]);
        }

        var text = question.Length > MaxQuestionChars ? question[..MaxQuestionChars] : question;
        var tokens = Tokenizer.Words(text, MaxTokens);
        var terms = new List<QueryTerm>();
        for (var i = 0; i < tokens.Count && terms.Count < MaxTerms;)
        {
            var (term, used) = Next(tokens, i);
            if (term is not null && !terms.Any(t => SameStems(t, term)))
            {
                terms.Add(term);
            }

            i += used;
        }

        return new QueryPlan(terms);
    }

    private (QueryTerm? Term, int Used) Next(List<string> tokens, int i)
    {
        for (var length = Math.Min(synonyms.MaxPhraseWords, tokens.Count - i); length >= 1; length--)
        {
            if (synonyms.Lookup(tokens, i, length) is { } expansions)
            {
                return (FromSynonyms(tokens.GetRange(i, length), expansions), length);
            }
        }

        var word = tokens[i];
        if (i + 1 < tokens.Count && Compound(word, tokens[i + 1]) is { } compound)
        {
            return (Known(compound, TermOrigin.Known), 2);
        }

        if (StopWords.Contains(word) || word.All(char.IsDigit) || word.Length < 2)
        {
            return (null, 1);
        }

        if (vocabulary.Contains(word))
        {
            return (Known(word, TermOrigin.Known), 1);
        }

        if (vocabulary.Correct(word) is { } corrected && !StopWords.Contains(corrected))
        {
            var single = new List<string> { corrected };
            return synonyms.Lookup(single, 0, 1) is { } expansions && FromSynonyms(single, expansions) is { } expanded
                ? (expanded with { Origin = TermOrigin.Corrected }, 1)
                : (Known(corrected, TermOrigin.Corrected), 1);
        }

        return (new QueryTerm(word, [], vocabulary.MaxIdf * UnknownWeightShare, TermOrigin.Unknown), 1);
    }

    // "derma roller" → "dermaroller", "micro needling" → "microneedling" when the joined word is in the index.
    private string? Compound(string first, string second)
    {
        var joined = first + second;
        return joined.Length >= 6 && !StopWords.Contains(first) && !StopWords.Contains(second) && vocabulary.Contains(joined)
            ? joined
            : null;
    }

    private QueryTerm Known(string word, TermOrigin origin)
    {
        var stem = vocabulary.StemOf(word);
        var weight = vocabulary.Idf(vocabulary.DocumentFrequency(stem)) * (StopWords.IsWeak(word) ? WeakWeightShare : 1);
        return new QueryTerm(word, [stem], origin == TermOrigin.Corrected ? weight * CorrectedWeightShare : weight, origin);
    }

    private QueryTerm? FromSynonyms(List<string> phrase, IReadOnlyList<string[]> expansions)
    {
        var stems = new List<int>();
        foreach (var word in phrase.Concat(expansions.SelectMany(e => e)))
        {
            var stem = StopWords.Contains(word) ? -1 : vocabulary.StemOf(word);
            if (stem >= 0 && !stems.Contains(stem))
            {
                stems.Add(stem);
            }
        }

        var label = string.Join(' ', phrase);
        if (stems.Count == 0)
        {
            return phrase.All(StopWords.Contains) ? null : new QueryTerm(label, [], vocabulary.MaxIdf * UnknownWeightShare, TermOrigin.Unknown);
        }

        var weight = stems.Average(s => vocabulary.Idf(vocabulary.DocumentFrequency(s)));
        return new QueryTerm(label, stems, weight, TermOrigin.Synonym);
    }

    private static bool SameStems(QueryTerm a, QueryTerm b) =>
        a.Stems.Count == b.Stems.Count && (a.Stems.Count > 0 ? a.Stems.All(b.Stems.Contains) : a.Label == b.Label);
}
