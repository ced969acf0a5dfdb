using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Search;

public sealed class PassageSearcherTests(FixtureKnowledge knowledge) : IClassFixture<FixtureKnowledge>
{
    [Theory]
    [InlineData("how should I apply sunscreen", "sunscreen-basics/how-to-apply-it/1")]
    [InlineData("what types of acne scars are there", "acne-scars/types-of-scars/1")]
    [InlineData("how long is the recovery time", "aftercare-guide/recovery-time/")]
    public void APassageUnderAMatchingHeadingComesFirst(string question, string expected)
    {
        var result = knowledge.Searcher.Search(question);

        Assert.True(result.HasGoodAnswer);
        Assert.StartsWith(expected, result.Best?.Passage.Id);
    }

    [Fact]
    public void PatientWordsReachArticleWordsThroughTheSynonymsFile()
    {
        var result = knowledge.Searcher.Search("will it hurt?");

        Assert.True(result.HasGoodAnswer);
        Assert.Equal("aftercare-guide/pain-and-discomfort/1", result.Best?.Passage.Id);
    }

    [Theory]
    [InlineData("when do I reaply sunscrean", "sunscreen-basics/how-to-apply-it/1")]
    [InlineData("microneedlign aftercar", "aftercare-guide/aftercare/1")]
    [InlineData("does it cause pian?", "aftercare-guide/pain-and-discomfort/1")]
    public void MisspelledWordsAreCorrectedTowardsWordsOfTheKnowledge(string question, string expected)
    {
        var result = knowledge.Searcher.Search(question);

        Assert.Equal(expected, result.Best?.Passage.Id);
    }

    [Fact]
    public void AWordTheKnowledgeLacksIsNeverCorrectedIntoADifferentWord()
    {
        var plan = knowledge.Searcher.Analyze("is botox better than fillers");

        Assert.Contains(plan.Terms, t => t.Label == "botox" && t.Origin == FaqBot.Knowledge.Search.Queries.TermOrigin.Unknown);
    }

    [Theory]
    [InlineData("what's the weather going to be like tomorrow")]
    [InlineData("what are your opening hours on saturday")]
    [InlineData("does my insurance cover botox")]
    [InlineData("recipe for banana bread")]
    public void AQuestionAboutSomethingElseGetsNoGoodAnswer(string question)
    {
        var result = knowledge.Searcher.Search(question);

        Assert.False(result.HasGoodAnswer, $"answered with {result.Best?.Passage.Id} at {result.Best?.Confidence}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("😀🙏🔥")]
    [InlineData("\" * NEAR( OR - : ^")]
    [InlineData("sunscreen\" OR body:* NEAR(a b) AND -\"")]
    [InlineData("'; DROP TABLE passages; --")]
    [InlineData("{\"a\": [1, 2]} \\ \0 %")]
    [InlineData("?!?!... ,,, ;;; --- !!!")]
    [InlineData("title:x AND (")]
    [InlineData("*")]
    [InlineData("~")]
    [InlineData("\\")]
    [InlineData("body:[a TO z] OR heading:{* TO *} +(-) ~2 ^3 /regex.*/ && ||")]
    [InlineData("\0\0\0\0")]
    [InlineData("ما هو الوخز بالإبر الدقيقة؟ \u200F\u202E עור")]
    [InlineData("\uD83D\uDC69\u200D\uD83D\uDD2C \uFE0F")]
    public void BadInputNeverThrowsAndNeverAnswers(string question)
    {
        var result = knowledge.Searcher.Search(question);

        Assert.False(result.HasGoodAnswer);
    }

    [Theory]
    [InlineData("sunscreen* spf~ title:apply")]
    [InlineData("\"how should I apply\" sunscreen AND (")]
    [InlineData("sunscreen\0apply\0spf")]
    [InlineData("how should I apply sunscreen 🙂 ‏")]
    public void QuerySyntaxAndControlCharactersAroundRealWordsAreReadAsWords(string question)
    {
        var result = knowledge.Searcher.Search(question);

        Assert.Equal("sunscreen-basics", result.Best?.Passage.DocId);
    }

    [Fact]
    public void AHundredKilobyteQuestionGetsANormalResult()
    {
        var question = "how should I apply sunscreen " + string.Concat(Enumerable.Repeat("🙂 \0 (", 20_000));

        var result = knowledge.Searcher.Search(question);

        Assert.True(question.Length > 100_000);
        Assert.Equal("sunscreen-basics/how-to-apply-it/1", result.Best?.Passage.Id);
    }

    [Fact]
    public void AVeryLongQuestionStillGetsAResultQuickly()
    {
        var question = string.Concat(Enumerable.Repeat("sunscreen spf apply reapply ", 400)) + new string('x', 5000);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = knowledge.Searcher.Search(question);

        Assert.Equal("sunscreen-basics", result.Best?.Passage.DocId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("sunscreen")]
    [InlineData("what spf should i use")]
    [InlineData("acne scar treatment options microneedling peel laser filler")]
    [InlineData("weather")]
    public void ConfidenceStaysBetweenZeroAndOneAndHitsAreRankedBestFirst(string question)
    {
        var hits = knowledge.Searcher.Search(question).Hits;

        Assert.All(hits, h => Assert.InRange(h.Confidence, 0, 1));
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Passage.Id), hits.Select(h => h.Passage.Id));
    }

    [Fact]
    public void TheBestSentenceIsQuotedVerbatimFromThePassage()
    {
        var best = knowledge.Searcher.Search("how often should I reapply sunscreen")!.Best!;

        Assert.Contains(best.BestSentence, best.Passage.Text);
        Assert.Contains("reapply every two hours", best.BestSentence);
    }

    [Fact]
    public void NextPassageWalksTheArticleAndStopsAtItsEnd()
    {
        var searcher = knowledge.Searcher;

        var next = searcher.GetNextPassage("sunscreen-basics/choosing-a-sunscreen/1");

        Assert.Equal("sunscreen-basics/how-to-apply-it/1", next?.Id);
        Assert.Null(searcher.GetNextPassage("sunscreen-basics/how-to-apply-it/1"));
        Assert.Null(searcher.GetNextPassage("no-such/passage/1"));
    }

    [Fact]
    public void ArticlesAreListedWithTheirTopHeadings()
    {
        var articles = knowledge.Searcher.GetArticles();

        Assert.Equal(3, articles.Count);
        Assert.Equal(["Choosing a sunscreen", "How to apply it"], articles.Single(a => a.DocId == "sunscreen-basics").Sections);
    }

    [Fact]
    public void TheSameQuestionHasTheSameConfidenceWhateverElseWasAsked()
    {
        var first = knowledge.Searcher.Search("how should I apply sunscreen").Best!.Confidence;
        knowledge.Searcher.Search("acne scars");

        Assert.Equal(first, knowledge.Searcher.Search("How should I apply SUNSCREEN?").Best!.Confidence);
    }
}
