namespace FaqBot.Knowledge.Search;

// FTS5's bm25() (fts5_aux.c) computed from the passage's cached term counts. Asking SQLite for bm25() costs about
// a microsecond per matching row plus a sub-query per phrase for its idf, which on a small knowledge base is most
// of a search; here it is a few dictionary lookups per candidate. Same k1, b, idf floor and column weights, so
// scores agree with FTS5's up to tokenizer corner cases.
internal static class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    public static double Score(int[] stems, PassageTerms terms, Vocabulary vocabulary)
    {
        var lengthNorm = K1 * (1 - B + (B * terms.TokenCount / vocabulary.AverageTokens));
        var score = 0.0;
        foreach (var stem in stems)
        {
            if (terms.Frequency.TryGetValue(stem, out var frequency))
            {
                score += Idf(vocabulary, stem) * frequency * (K1 + 1) / (frequency + lengthNorm);
            }
        }

        return score;
    }

    private static double Idf(Vocabulary vocabulary, int stem)
    {
        var (rows, hits) = ((double)vocabulary.PassageCount, vocabulary.DocumentFrequency(stem));
        var idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }
}
