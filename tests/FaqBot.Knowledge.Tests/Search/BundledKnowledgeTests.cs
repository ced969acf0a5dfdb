using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Search;

// Guards the clinic's real articles: an edit that breaks one shows up here, not in front of a patient.
public sealed class BundledKnowledgeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task TheBundledArticlesLoadWithoutWarningsAndAnswerAPlainQuestion()
    {
        var options = new KnowledgeOptions
        {
            Path = Path.Combine(RepoRoot.Path, "knowledge"),
            IndexPath = _temp.File("bundled.db"),
            SynonymsFile = Path.Combine(RepoRoot.Path, "knowledge", "synonyms.txt"),
        };

        using var knowledgeBase = await KnowledgeBase.OpenAsync(options);
        var result = knowledgeBase.Searcher.Search("does microneedling hurt?");

        Assert.Empty(knowledgeBase.Warnings);
        Assert.Equal(KnowledgeFolder.Read(options.Path).Articles.Count, knowledgeBase.Searcher.GetArticles().Count);
        Assert.True(result.HasGoodAnswer);
        Assert.Contains(result.Best!.BestSentence, result.Best.Passage.Text);
    }

    public void Dispose() => _temp.Dispose();
}
