using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Ingestion;

/// <summary>What the staff console and /readyz read: every load problem with its file, line and plain words.</summary>
public sealed class LoadWarningsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ABrokenArticleIsAFileLeftOutWithItsLineAndABadSynonymLineIsNotAndBothSurviveAReusedIndex()
    {
        _temp.Write("knowledge/good.md", Some.Article("Sunscreen protects the skin from ultraviolet light."));
        _temp.Write("knowledge/broken.md", "---\npublisher: \"Test\"\ntitle: \"Unclosed\nurl: \"\"\n---\n\nSome text.\n");
        _temp.Write("knowledge/synonyms.txt", "sunblock => sunscreen\nthis line has no arrow\n");
        var options = new KnowledgeOptions
        {
            Path = _temp.File("knowledge"),
            IndexPath = _temp.File("index"),
            SynonymsFile = _temp.File("knowledge/synonyms.txt"),
            Semantic = false,
        };

        foreach (var _ in new[] { "built", "reused" })
        {
            using var knowledgeBase = await KnowledgeBase.OpenAsync(options);

            Assert.Equal(["broken.md"], knowledgeBase.FailedFiles);
            var broken = Assert.Single(knowledgeBase.LoadWarnings, w => w.FileSkipped);
            Assert.Equal(("broken.md", 3, "line 3: the title is missing its closing quote (\")"), (broken.File, broken.Line, broken.Describe()));
            var synonym = Assert.Single(knowledgeBase.LoadWarnings, w => !w.FileSkipped);
            Assert.Equal(("synonyms.txt", 2), (synonym.File, synonym.Line));
            Assert.Single(knowledgeBase.Searcher.GetArticles());
        }
    }

    public void Dispose() => _temp.Dispose();
}
