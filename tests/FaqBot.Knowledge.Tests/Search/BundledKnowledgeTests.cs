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
            IndexPath = _temp.File("bundled"),
            SynonymsFile = Path.Combine(RepoRoot.Path, "knowledge", "synonyms.txt"),
        };

        using var knowledgeBase = await KnowledgeBase.OpenAsync(options);
        var result = knowledgeBase.Searcher.Search("does microneedling hurt?");

        Assert.Empty(knowledgeBase.Warnings);
        Assert.Equal(KnowledgeFolder.Read(options.Path).Articles.Count, knowledgeBase.Searcher.GetArticles().Count);
        Assert.True(result.HasGoodAnswer);
        Assert.Contains(result.Best!.BestSentence, result.Best.Passage.Text);
    }

    [Theory]
    [InlineData("how long till my skin heals", "heals")]
    [InlineData("how long before I can wear make up again", "make up")]
    public async Task APatientsWordFormOrEverydayPhraseStillCountsAsTheArticlesWord(string question, string label)
    {
        using var knowledgeBase = await KnowledgeBase.OpenAsync(Options());

        var plan = knowledgeBase.Searcher.Analyze(question);
        var result = knowledgeBase.Searcher.Search(question);

        Assert.Contains(plan.Terms, t => t.Label == label && t.Origin != FaqBot.Knowledge.Search.Queries.TermOrigin.Unknown && !t.Everyday);
        Assert.True(result.HasGoodAnswer);
    }

    [Theory]
    [InlineData("what is microneedling", "Microneedling")]
    [InlineData("what is vitiligo?", "Vitiligo")]
    public async Task WhatIsAQuestionGetsAPassageThatSaysWhatItIs(string question, string subject)
    {
        using var knowledgeBase = await KnowledgeBase.OpenAsync(Options());

        var best = knowledgeBase.Searcher.Search(question).Best;

        Assert.NotNull(best);
        Assert.Matches($@"(^|[.\n] *){subject}(,[^.]*,)? (is|are|also known as) ", best.Passage.Text);
    }

    [Theory]
    [InlineData("where is the clinic")]
    [InlineData("where can I park when I come to the clinic")]
    public async Task AQuestionAboutTheClinicItselfIsNotAnsweredWithAnArticleAboutClinicalStudies(string question)
    {
        using var knowledgeBase = await KnowledgeBase.OpenAsync(Options());

        var result = knowledgeBase.Searcher.Search(question);

        Assert.False(result.HasGoodAnswer, $"answered with {result.Best?.Passage.Id} at {result.Best?.Confidence}");
    }

    [Fact]
    public async Task TheClinicAsTheContextOfAQuestionStillLeavesItAnswerable()
    {
        using var knowledgeBase = await KnowledgeBase.OpenAsync(Options());

        var result = knowledgeBase.Searcher.Search("whats the difference between at home microneedling and getting it done at the clinic");

        Assert.True(result.HasGoodAnswer);
        Assert.Contains("home", result.Best!.Passage.Heading, StringComparison.OrdinalIgnoreCase);
    }

    private KnowledgeOptions Options() => new()
    {
        Path = Path.Combine(RepoRoot.Path, "knowledge"),
        IndexPath = _temp.File("bundled"),
        SynonymsFile = Path.Combine(RepoRoot.Path, "knowledge", "synonyms.txt"),
    };

    public void Dispose() => _temp.Dispose();
}
