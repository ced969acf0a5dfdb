using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Semantic;

/// <summary>The fused search over the bundled knowledge, as the bot runs it.</summary>
public sealed class HybridSearcherTests(BundledKnowledge bundled) : IClassFixture<BundledKnowledge>
{
    [Fact]
    public void APassageTheWordsMissIsFoundByMeaning()
    {
        // "stabbing ... look younger" shares no content word with the passages on how microneedling works.
        const string question = "why would stabbing my face make it look younger";

        var lexical = bundled.KnowledgeBase.Searcher.Search(question, 3);
        var fused = bundled.KnowledgeBase.Search.Search(question, 3);

        Assert.DoesNotContain("collagen", lexical.Best!.Passage.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("collagen", fused.Best!.Passage.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void BothEnginesAgreeingOnAPlainQuestionAnswersIt()
    {
        var result = bundled.KnowledgeBase.Search.Search("Do you numb the skin before microneedling?");

        Assert.True(result.HasGoodAnswer);
        Assert.Contains("anesthetic", result.Best!.Passage.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(result.Best.BestSentence, result.Best.Passage.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what are your opening hours on saturday?")]
    [InlineData("how much is lip filler")]
    [InlineData("what's the weather like tomorrow")]
    public void AQuestionNoArticleAnswersIsNotAnswered(string question) =>
        Assert.False(bundled.KnowledgeBase.Search.Search(question).HasGoodAnswer);

    [Theory]
    [InlineData("title:x AND (")]
    [InlineData("* ~ \\ \"")]
    [InlineData("\u0000\u0000")]
    [InlineData("\U0001F600\U0001F600")]
    [InlineData("")]
    public void SyntaxSymbolsAndNothingGiveAnHonestNoAnswer(string question) =>
        Assert.False(bundled.KnowledgeBase.Search.Search(question).HasGoodAnswer);

    [Fact]
    public void AHundredKilobyteQuestionIsSearchedNotRefused()
    {
        var question = string.Concat(Enumerable.Repeat("does microneedling hurt ", 4_500));

        var result = bundled.KnowledgeBase.Search.Search(question);

        Assert.NotEmpty(result.Hits);
    }
}

/// <summary>The repository's knowledge/ folder opened with semantic search, once per test class.</summary>
public sealed class BundledKnowledge : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public KnowledgeBase KnowledgeBase { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new KnowledgeOptions().ResolvedAgainst(RepoRoot.Path);
        KnowledgeBase = await KnowledgeBase.OpenAsync(new KnowledgeOptions
        {
            Path = options.Path,
            SynonymsFile = options.SynonymsFile,
            NotCoveredFile = options.NotCoveredFile,
            ClinicFolder = options.ClinicFolder,
            IndexPath = _temp.File("index/bundled"),
        });
    }

    public Task DisposeAsync()
    {
        KnowledgeBase.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
