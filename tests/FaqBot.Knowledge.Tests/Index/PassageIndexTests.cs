using FaqBot.Knowledge.Index;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Tests.Support;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Util;

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
    public async Task ARebuildIsSwappedInUnderARunningSearcherWhichNeverSeesHalfAnIndex()
    {
        var options = Options();
        using var running = await KnowledgeBase.OpenAsync(options);
        File.WriteAllText(Path.Combine(options.Path, "tattoo-aftercare.md"), Some.Article("Tattoo ink settles in the dermis over several weeks.", "Tattoo Aftercare"));
        using var stop = new CancellationTokenSource();
        var searches = Task.Run(() =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested)
            {
                var result = running.Searcher.Search(count % 2 == 0 ? "how do I apply sunscreen" : "tattoo ink dermis");
                Assert.All(result.Hits, h => Assert.StartsWith(h.Passage.DocId + "/", h.Passage.Id));
                count++;
                running.Searcher.MaybeRefresh();
            }

            return count;
        });

        using var rebuilt = await KnowledgeBase.OpenAsync(options);
        var tattooBefore = running.Searcher.Search("tattoo ink dermis").Best?.Passage.Id;
        running.Searcher.MaybeRefresh();
        await stop.CancelAsync();

        Assert.True(await searches > 0);
        Assert.True(rebuilt.Summary.Rebuilt);
        Assert.Equal("tattoo-aftercare/intro/1", running.Searcher.Search("tattoo ink dermis").Best?.Passage.Id);
        Assert.True(tattooBefore is null or "tattoo-aftercare/intro/1");
        Assert.True(running.Searcher.Search("how do I apply sunscreen").HasGoodAnswer);
        Assert.Equal(["CURRENT"], Directory.GetFiles(options.IndexPath).Select(Path.GetFileName).Where(f => !f!.StartsWith('.')));
        Assert.InRange(Directory.GetDirectories(options.IndexPath).Length, 1, 2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACorruptIndexIsRebuiltAtStartWhetherItsCommitOrOnlyASegmentIsDamaged(bool commitToo)
    {
        var options = Options();
        using (await KnowledgeBase.OpenAsync(options))
        {
        }

        // Without the commit ("segments_N") damaged, the index still looks current and only opening it fails.
        var files = Directory.GetFiles(IndexFolder.Current(options.IndexPath)!);
        foreach (var file in files.Where(f => commitToo || !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)))
        {
            File.WriteAllBytes(file, new byte[17]);
        }

        using var knowledgeBase = await KnowledgeBase.OpenAsync(options);

        Assert.True(knowledgeBase.Summary.Rebuilt);
        Assert.True(knowledgeBase.Searcher.Search("how do I apply sunscreen").HasGoodAnswer);
    }

    [Fact]
    public async Task AnIndexOfAnOlderSchemaIsRebuiltNotRead()
    {
        var options = Options();
        using (await KnowledgeBase.OpenAsync(options))
        {
        }

        var folder = IndexFolder.Current(options.IndexPath)!;
        using (var directory = Lucene.Net.Store.FSDirectory.Open(folder))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new StandardAnalyzer(LuceneVersion.LUCENE_48))))
        {
            var meta = new Dictionary<string, string>(writer.CommitData) { ["schema"] = "faqbot-lucene-0" };
            writer.SetCommitData(meta);
            writer.Commit();
        }

        using var knowledgeBase = await KnowledgeBase.OpenAsync(options);

        Assert.True(knowledgeBase.Summary.Rebuilt);
        Assert.NotEqual(folder, IndexFolder.Current(options.IndexPath));
    }

    [Fact]
    public async Task AHalfWrittenBuildIsNeverReadAndIsClearedByTheNextBuild()
    {
        var options = Options();
        using (await KnowledgeBase.OpenAsync(options))
        {
        }

        // A build killed half-way: its process is gone and its folder has no commit.
        var killed = Path.Combine(options.IndexPath, ".building-2147483000-0123456789abcdef");
        Directory.CreateDirectory(killed);
        File.WriteAllBytes(Path.Combine(killed, "_0.fdt"), new byte[100]);

        using (var reused = await KnowledgeBase.OpenAsync(options))
        {
            Assert.False(reused.Summary.Rebuilt);
            Assert.True(reused.Searcher.Search("how do I apply sunscreen").HasGoodAnswer);
        }

        using var rebuilt = await KnowledgeBase.OpenAsync(options, forceRebuild: true);

        Assert.False(Directory.Exists(killed));
    }

    [Fact]
    public async Task ACurrentFileNamingAMissingGenerationMeansRebuild()
    {
        var options = Options();
        Directory.CreateDirectory(options.IndexPath);
        File.WriteAllText(Path.Combine(options.IndexPath, "CURRENT"), "g-20200101000000000-deadbeef");

        using var knowledgeBase = await KnowledgeBase.OpenAsync(options);

        Assert.True(knowledgeBase.Summary.Rebuilt);
        Assert.True(knowledgeBase.Searcher.Search("how do I apply sunscreen").HasGoodAnswer);
    }

    [Fact]
    public void TwoBuildsAtOnceOnTheSameFolderLeaveOneValidIndex()
    {
        var options = Options();
        var other = Some.CopyFixtures(_temp.File("other"));
        File.WriteAllText(Path.Combine(other, "tattoo-aftercare.md"), Some.Article("Tattoo ink settles in the dermis over several weeks.", "Tattoo Aftercare"));

        Parallel.Invoke(
            () => KnowledgeBase.Build(options.Path, options.IndexPath),
            () => KnowledgeBase.Build(other, options.IndexPath),
            () => KnowledgeBase.Build(options.Path, options.IndexPath));

        using var searcher = PassageSearcher.Open(options.IndexPath);
        Assert.True(searcher.Search("how do I apply sunscreen").HasGoodAnswer);
        Assert.NotNull(PassageIndex.ReadContentHash(options.IndexPath));
        Assert.Empty(Directory.GetDirectories(options.IndexPath, ".building-*"));
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
        IndexPath = _temp.File("index/faqbot"),
        SynonymsFile = "",
    };
}
