using FaqBot.Knowledge.Index;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Tests.Search;

// The searcher scores candidates with its own bm25 rather than asking FTS5 for bm25() (the slow part of a query on
// a small index); these tests hold it to FTS5's numbers on a real index file.
public sealed class Bm25Tests(FixtureKnowledge knowledge) : IClassFixture<FixtureKnowledge>
{
    private static readonly SearchOptions Options = new();

    [Theory]
    [InlineData("sunscreen")]
    [InlineData("scars")]
    [InlineData("sunscreen", "apply")]
    [InlineData("pain", "redness", "recovery", "days")]
    [InlineData("acne", "scars", "treatment", "skin")]
    public void InMemoryBm25EqualsFts5sBm25ForEveryMatchingPassage(params string[] words)
    {
        var snapshot = IndexSnapshot.Load(knowledge.Options.IndexPath);
        var stems = words.Select(snapshot.Vocabulary.StemOf).ToArray();
        Assert.All(stems, s => Assert.True(s >= 0));

        var fts5 = Fts5Scores(string.Join(" OR ", words.Select(FtsQuery.Quote)));
        Assert.NotEmpty(fts5);
        foreach (var (row, expected) in fts5)
        {
            var passage = snapshot.Passages[row];
            var terms = new PassageTerms(snapshot.Vocabulary, passage.Title, passage.HeadingPath, passage.Text, Options);
            Assert.Equal(expected, Bm25.Score(stems, terms, snapshot.Vocabulary), 9);
        }
    }

    [Fact]
    public void WhenMoreRowsMatchThanAreReRankedFts5sBestByBm25AreTheCandidates()
    {
        using var narrow = PassageSearcher.Open(knowledge.Options.IndexPath, options: new SearchOptions { CandidateLimit = 2 });
        var everyMatch = Fts5Scores("\"sunscreen\"");
        var best = everyMatch.OrderByDescending(m => m.Score).Take(2).Select(m => narrow.Passages[m.Row].Id).Order().ToList();
        var firstInIndex = everyMatch.OrderBy(m => m.Row).Take(2).Select(m => narrow.Passages[m.Row].Id).Order().ToList();
        Assert.NotEqual(firstInIndex, best);

        var result = narrow.Search("sunscreen");

        Assert.Equal(best, result.Hits.Select(h => h.Passage.Id).Order());
    }

    private List<(int Row, double Score)> Fts5Scores(string match)
    {
        using var connection = new SqliteConnection(PassageIndex.ConnectionString(knowledge.Options.IndexPath, SqliteOpenMode.ReadOnly));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rowid, -bm25(passages_fts, {Options.TitleWeight}, {Options.HeadingWeight}, {Options.BodyWeight}) FROM passages_fts WHERE passages_fts MATCH $m";
        command.Parameters.AddWithValue("$m", match);
        using var reader = command.ExecuteReader();
        var scores = new List<(int, double)>();
        while (reader.Read())
        {
            scores.Add(((int)reader.GetInt64(0) - 1, reader.GetDouble(1)));
        }

        return scores;
    }
}
