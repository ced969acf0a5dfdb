using FaqBot.Knowledge.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FaqBot.Knowledge.Search.Queries;

// Lucene queries built from the question's analysed terms only (index stems), never from the question's text, so
// no question is a syntax error or reaches a field it should not.
internal static class CandidateQuery
{
    /// <summary>Passages with any of the terms' alternatives; an alternative shared by several terms is asked once.</summary>
    public static Query Any(IEnumerable<QueryTerm> terms, Vocabulary vocabulary)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var alternative in terms.SelectMany(t => t.AlternativeArray).DistinctBy(a => string.Join(' ', a)))
        {
            query.Add(Alternative(alternative, vocabulary), Occur.SHOULD);
        }

        return query;
    }

    /// <summary>Passages with every term (each through any of its alternatives).</summary>
    public static Query All(IEnumerable<QueryTerm> terms, Vocabulary vocabulary)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in terms)
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var alternative in term.AlternativeArray)
            {
                any.Add(Alternative(alternative, vocabulary), Occur.SHOULD);
            }

            query.Add(any, Occur.MUST);
        }

        return query;
    }

    // A synonym phrase ("active skin infection") matches passages with all its words, which keeps the candidates
    // near the document-frequency estimate; whether the words stand together is checked when re-ranking.
    private static Query Alternative(int[] stems, Vocabulary vocabulary)
    {
        if (stems.Length == 1)
        {
            return Stem(stems[0], vocabulary);
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var stem in stems)
        {
            query.Add(Stem(stem, vocabulary), Occur.MUST);
        }

        return query;
    }

    private static TermQuery Stem(int stem, Vocabulary vocabulary) => new(new Term(IndexSchema.Passage, vocabulary.Stem(stem)));
}
