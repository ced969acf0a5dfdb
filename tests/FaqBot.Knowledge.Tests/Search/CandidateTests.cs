using FaqBot.Knowledge.Index;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Tests.Support;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace FaqBot.Knowledge.Tests.Search;

public sealed class CandidateTests(FixtureKnowledge knowledge) : IClassFixture<FixtureKnowledge>
{
    [Fact]
    public void WhenMorePassagesMatchThanAreReRankedLucenesBestByBm25AreTheCandidates()
    {
        using var narrow = PassageSearcher.Open(knowledge.Options.IndexPath, options: new SearchOptions { CandidateLimit = 2 });
        var everyMatch = Bm25Scores("sunscreen");
        var best = everyMatch.OrderByDescending(m => m.Score).Take(2).Select(m => m.Id).Order().ToList();
        var firstInIndex = everyMatch.Take(2).Select(m => m.Id).Order().ToList();
        Assert.True(everyMatch.Count > 2);
        Assert.NotEqual(firstInIndex, best);

        var result = narrow.Search("sunscreen");

        Assert.Equal(best, result.Hits.Select(h => h.Passage.Id).Order());
    }

    [Fact]
    public void EveryStemOfThePassagesIsInTheVocabularyWithItsDocumentFrequency()
    {
        var vocabulary = knowledge.Searcher.Vocabulary;

        var sunscreen = vocabulary.StemOf("sunscreen");
        var reapply = vocabulary.StemOf("reapply");

        Assert.Equal(Bm25Scores("sunscreen").Count, vocabulary.DocumentFrequency(sunscreen));
        Assert.True(vocabulary.DocumentFrequency(reapply) > 0);
        Assert.Equal(["title", "x", "sunscreen", "spf"], FaqBot.Knowledge.Analysis.TextWords.Of("title:x sunscreen's_spf"));
    }

    // Plain Lucene over the same folder: one stem's BM25 score in every passage that has it, in index order.
    private List<(string Id, float Score)> Bm25Scores(string stem)
    {
        using var directory = FSDirectory.Open(IndexFolder.Current(knowledge.Options.IndexPath)!);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        var query = new TermQuery(new Term(IndexSchema.Passage, stem));
        var top = searcher.Search(query, 1000);
        return top.ScoreDocs.OrderBy(d => int.Parse(reader.Document(d.Doc).Get(IndexSchema.Row), System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => (reader.Document(d.Doc).Get(IndexSchema.Id), d.Score)).ToList();
    }
}
