using FaqBot.Knowledge.Index;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Index;

public sealed class PassageIndexTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task AnUnchangedFolderReusesItsIndexAndAChangedOneIsRebuilt()
    {
        var options = Options();
        using (var first = await KnowledgeBase.OpenAsync(options))
        {
            Assert.True(first.Summary.Rebuilt);
        }

        using (var second = await KnowledgeBase.OpenAsync(options))
        {
            Assert.False(second.Summary.Rebuilt);
            Assert.Equal(3, second.Summary.Articles);
        }

        File.AppendAllText(Path.Combine(options.Path, "sunscreen-basics.md"), "\n## Storage\n\nKeep the bottle out of direct heat so the filters stay effective.\n");
        using var third = await KnowledgeBase.OpenAsync(options);

        Assert.True(third.Summary.Rebuilt);
        Assert.Contains(third.Searcher.Passages, p => p.Heading == "Storage");
    }

    [Fact]
    public async Task ARebuildSwapsTheFileWhileAnOpenReaderKeepsSearchingTheOldIndex()
    {
        var options = Options();
        using var reader = await KnowledgeBase.OpenAsync(options);
        File.WriteAllText(Path.Combine(options.Path, "tattoo-aftercare.md"), Some.Article("Tattoo ink settles in the dermis over several weeks.", "Tattoo Aftercare"));

        using var rebuilt = await KnowledgeBase.OpenAsync(options);

        Assert.True(rebuilt.Summary.Rebuilt);
        Assert.True(reader.Searcher.Search("how do I apply sunscreen").HasGoodAnswer);
        Assert.Empty(reader.Searcher.Search("tattoo ink dermis").Hits);
        Assert.Equal("tattoo-aftercare/intro/1", rebuilt.Searcher.Search("tattoo ink dermis").Best?.Passage.Id);
        Assert.Equal(["faqbot.db"], Directory.GetFiles(Path.GetDirectoryName(options.IndexPath)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AFileThatIsNotAnIndexIsReplacedByANewIndex()
    {
        var options = Options();
        Directory.CreateDirectory(Path.GetDirectoryName(options.IndexPath)!);
        File.WriteAllText(options.IndexPath, "not a database");

        using var knowledgeBase = await KnowledgeBase.OpenAsync(options);

        Assert.True(knowledgeBase.Summary.Rebuilt);
        Assert.NotNull(PassageIndex.ReadContentHash(options.IndexPath));
        Assert.NotEmpty(knowledgeBase.Searcher.Search("sunscreen spf").Hits);
    }

    [Fact]
    public async Task BrokenArticlesAreReportedAgainWhenTheIndexIsReused()
    {
        var options = Options();
        File.WriteAllText(Path.Combine(options.Path, "broken.md"), "no front matter");
        using (await KnowledgeBase.OpenAsync(options))
        {
        }

        using var reused = await KnowledgeBase.OpenAsync(options);

        Assert.False(reused.Summary.Rebuilt);
        Assert.Contains(reused.Warnings, w => w.StartsWith("broken.md:1:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheIndexKeepsCitationsAndHeadingPathsOfEveryPassage()
    {
        using var knowledgeBase = await KnowledgeBase.OpenAsync(Options());

        var passage = knowledgeBase.Searcher.GetPassage("aftercare-guide/pain-and-discomfort/1");

        Assert.NotNull(passage);
        Assert.Equal(["Pain and discomfort"], passage.HeadingPath);
        Assert.Equal("https://example.org/aftercare", passage.Citation.Url);
        Assert.Equal("Fixture Author", passage.Citation.Author);
    }

    public void Dispose() => _temp.Dispose();

    private KnowledgeOptions Options() => new()
    {
        Path = Some.CopyFixtures(_temp.File("knowledge")),
        IndexPath = _temp.File("index/faqbot.db"),
        SynonymsFile = "",
    };
}
