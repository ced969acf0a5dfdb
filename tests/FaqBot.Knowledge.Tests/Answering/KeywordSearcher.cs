using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Search;

namespace FaqBot.Knowledge.Tests.Answering;

// A ten-line stand-in for the FTS5 engine: a passage is a hit when the question holds all of its keywords.
internal sealed class KeywordSearcher(params (string Keywords, string Text)[] passages) : IPassageSearcher
{
    private static readonly Citation Source = new("Microneedling overview", "Verywell Health", "Natalie Kita", "https://example.org/a", "", "2020-10-24", "", "");

    public List<string> Questions { get; } = [];

    public SearchResult Search(string question, int limit = 10)
    {
        Questions.Add(question);
        var hits = passages.Select((p, i) => (p, i))
            .Where(x => x.p.Keywords.Split(' ').All(k => question.Contains(k, StringComparison.OrdinalIgnoreCase)))
            .Select(x => new SearchHit(Passage(x.i), x.p.Keywords.Length, Math.Min(1, 0.3 + 0.1 * x.p.Keywords.Split(' ').Length), x.p.Text))
            .OrderByDescending(h => h.Confidence).Take(limit).ToList();
        return new SearchResult(hits, hits.Count > 0);
    }

    public Passage? GetPassage(string passageId) => Enumerable.Range(0, passages.Length).Select(Passage).FirstOrDefault(p => p.Id == passageId);

    public Passage? GetNextPassage(string passageId) => GetPassage($"doc/s/{int.Parse(passageId.Split('/')[^1]) + 1}");

    public IReadOnlyList<ArticleSummary> GetArticles() => [new ArticleSummary("doc", Source, ["Overview"])];

    private Passage Passage(int i) => new($"doc/s/{i}", "doc", ["Overview"], i, passages[i].Text, Source);
}
