using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Search;

// `faqbot index` can replace the index file a running bot searches. The bot keeps its passages in memory, so a
// connection opened on the new file would map rows to the wrong passages, and a patient would read an answer
// under another passage's citation.
public sealed class IndexRebuiltInUseTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void ASearcherKeepsAnsweringFromTheKnowledgeItLoadedWhenTheFileIsRebuiltUnderIt()
    {
        var index = _temp.File("index/faqbot.db");
        KnowledgeBase.Build(Some.CopyFixtures(_temp.File("before")), index);
        using var searcher = PassageSearcher.Open(index);

        // The same articles behind a new first one, so every old passage sits at another row in the new file.
        var after = Some.CopyFixtures(_temp.File("after"));
        File.WriteAllText(Path.Combine(after, "aaa-first.md"), Some.Article(
            "## Sunscreen everywhere\n\n" + string.Join("\n\n", Enumerable.Range(1, 8).Select(i => Some.Sentences(6, $"sunscreen {i}"))), "Aaa First"));
        KnowledgeBase.Build(after, index);

        // Many searches at once need more connections than the searcher had before the rebuild.
        var results = new SearchResult[32];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = searcher.Search("how do I apply sunscreen"));

        Assert.All(results, r => Assert.Equal("sunscreen-basics/how-to-apply-it/1", r.Best?.Passage.Id));
        Assert.All(results, r => Assert.All(r.Hits, h => Assert.DoesNotContain("Aaa First", h.Passage.Citation.Title)));
    }

    public void Dispose() => _temp.Dispose();
}
