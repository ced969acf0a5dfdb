using FaqBot.Knowledge.Analysis;
using FaqBot.Knowledge.Search.Ranking;
namespace FaqBot.Knowledge.Search.Queries;

/// <summary>Turns a patient's question into weighted terms: stop words out, synonyms in, misspellings corrected towards the index.</summary>
internal sealed class QueryAnalyzer(Vocabulary vocabulary, SynonymTable synonyms)
{
    private const int MaxQuestionChars = 2000;
    private const int MaxTokens = 200;
    private const int MaxTerms = 24;

    // An unknown specialist word is likely what the question is really about ("botox"), so it weighs like a rare
    // word; an unknown everyday word ("tomorrow") is mostly chatter around the point.
    private const double UnknownWeightShare = 1.0;
    private const double UnknownCommonWeightShare = 0.04;
    private const double CorrectedWeightShare = 0.9;
    private const double WeakWeightShare = 0.35;

    private static readonly HashSet<string> DefinitionOpeners = new(StringComparer.Ordinal) { "what", "whats" };

    public QueryPlan Analyze(string? question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return QueryPlan.Empty;
        }

        var text = question.Length > MaxQuestionChars ? question[..MaxQuestionChars] : question;
        var tokens = TextWords.Of(text, MaxTokens);
        var terms = new List<QueryTerm>();
        var pairs = new List<long>();
        var previous = -1;
        for (var i = 0; i < tokens.Count && terms.Count < MaxTerms;)
        {
            var (term, used) = Next(tokens, i);
            if (term is not null && !terms.Any(t => SameAlternatives(t, term)))
            {
                terms.Add(term);
            }

            // Pairs follow the question's own words in order (stop words skipped), so "consultation before" can
            // meet a passage that says it; a word the index lacks breaks the chain.
            if (term is { Origin: TermOrigin.Known or TermOrigin.Corrected })
            {
                var stem = term.Alternatives[0][0];
                if (previous >= 0 && previous != stem)
                {
                    pairs.Add(PassageTerms.Pair(previous, stem));
                }

                previous = stem;
            }
            else if (term is not null || used > 1)
            {
                previous = -1;
            }

            i += used;
        }

        var words = tokens.Take(40).Select(vocabulary.StemOf).Where(s => s >= 0).ToHashSet();
        return new QueryPlan(terms, pairs, AsksDefinition(tokens, terms), words);
    }

    // "what is X?", "what are X?", "whats a X?": a definition. "what is the best …", "what are the risks of …" ask
    // about something of X instead, and "the" is the tell.
    private static bool AsksDefinition(List<string> tokens, List<QueryTerm> terms)
    {
        if (tokens.Count < 2 || !DefinitionOpeners.Contains(tokens[0]))
        {
            return false;
        }

        var rest = tokens.Skip(tokens[0] == "whats" ? 1 : 2).SkipWhile(t => t is "is" or "are" or "s").ToList();
        return (tokens[0] == "whats" || tokens[1] is "is" or "are" or "s") && rest.Count > 0
            && rest[0] is not ("the" or "your" or "my" or "it" or "this" or "that") && terms.Count > 0;
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

        if (Variant(word) is { } variant)
        {
            return (Known(variant, TermOrigin.Known) with { Label = word }, 1);
        }

        var common = CommonWords.Contains(word);
        if (!common && vocabulary.Correct(word) is { } corrected && !StopWords.Contains(corrected))
        {
            var single = new List<string> { corrected };
            return synonyms.Lookup(single, 0, 1) is { } expansions && FromSynonyms(single, expansions) is { } expanded
                ? (expanded with { Origin = TermOrigin.Corrected }, 1)
                : (Known(corrected, TermOrigin.Corrected), 1);
        }

        if (!common && SameStem(word) is { } form)
        {
            return (Known(form, TermOrigin.Known) with { Label = word }, 1);
        }

        return (new QueryTerm(word, [], vocabulary.MaxIdf * (common ? UnknownCommonWeightShare : UnknownWeightShare), TermOrigin.Unknown), 1);
    }

    // Another form of the same word that the articles use: "creams" → "cream", "react" → "reaction".
    private string? Variant(string word)
    {
        foreach (var stripped in new[] { word.TrimEnd('s'), word.EndsWith("es", StringComparison.Ordinal) ? word[..^2] : "", word.EndsWith("ing", StringComparison.Ordinal) ? word[..^3] : "", word.EndsWith("ed", StringComparison.Ordinal) ? word[..^2] : "" })
        {
            if (stripped.Length >= 3 && vocabulary.Contains(stripped))
            {
                return stripped;
            }
        }

        return word.Length >= 5 ? vocabulary.LongerForm(word) : null;
    }

    // "heals" → "heal", which the articles only use as "healing": a word with that very stem is the same idea. Tried
    // after spelling correction, which knows "affects" is more likely a misspelt "effects" than a form of "affected".
    private string? SameStem(string word)
    {
        foreach (var stripped in new[] { word.TrimEnd('s'), word.EndsWith("ed", StringComparison.Ordinal) ? word[..^2] : "" })
        {
            if (stripped.Length >= 4 && stripped != word && vocabulary.FormWithStem(stripped) is { } form)
            {
                return form;
            }
        }

        return null;
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
        // In a small knowledge base everyday words ("total", "since") are rare and so look specific; they are not.
        var everyday = StopWords.IsWeak(word) || CommonWords.Contains(word);
        var weight = vocabulary.Idf(vocabulary.DocumentFrequency(stem)) * (everyday ? WeakWeightShare : 1);
        return new QueryTerm(word, [[stem]], origin == TermOrigin.Corrected ? weight * CorrectedWeightShare : weight, origin, everyday);
    }

    private QueryTerm? FromSynonyms(List<string> phrase, IReadOnlyList<string[]> expansions)
    {
        var alternatives = new List<int[]>();
        foreach (var words in expansions.Prepend(phrase.ToArray()))
        {
            var content = words.Where(w => !StopWords.Contains(w)).ToList();
            var stems = content.Select(vocabulary.StemOf).ToArray();
            if (stems.Length > 0 && stems.All(s => s >= 0) && !alternatives.Any(a => a.SequenceEqual(stems)))
            {
                alternatives.Add(stems);
            }
        }

        var label = string.Join(' ', phrase);
        if (alternatives.Count == 0)
        {
            var common = phrase.All(w => StopWords.Contains(w) || CommonWords.Contains(w));
            return phrase.All(StopWords.Contains) ? null : new QueryTerm(label, [], vocabulary.MaxIdf * (common ? UnknownCommonWeightShare : UnknownWeightShare), TermOrigin.Unknown);
        }

        // A phrase is as specific as its rarest word; a patient phrase of everyday words ("how long does it take") counts less.
        // ... unless the articles' words it stands for are specific: "make up" is everyday English, "makeup" is not.
        var everyday = phrase.All(IsEveryday) && expansions.All(e => e.All(IsEveryday));
        var weight = alternatives.Average(a => a.Max(s => vocabulary.Idf(vocabulary.DocumentFrequency(s)))) * (everyday ? 0.6 : 1);
        return new QueryTerm(label, alternatives, weight, TermOrigin.Synonym, everyday);
    }

    private static bool IsEveryday(string word) => StopWords.Contains(word) || StopWords.IsWeak(word) || CommonWords.Contains(word);

    private static bool SameAlternatives(QueryTerm a, QueryTerm b) =>
        a.Alternatives.Count == b.Alternatives.Count
        && (a.Alternatives.Count > 0 ? a.Alternatives.Zip(b.Alternatives).All(p => p.First.SequenceEqual(p.Second)) : a.Label == b.Label);
}
