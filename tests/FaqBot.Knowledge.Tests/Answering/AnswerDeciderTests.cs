using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Tests.Triage;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Tests.Answering;

public sealed class AnswerDeciderTests
{
    private static readonly UrgentRuleSet Rules = UrgentRuleSetLoader.Load(RepoFiles.UrgentRules);

    private readonly KeywordSearcher _searcher = new(
        ("bleeding", "Pinpoint bleeding is common during the procedure."),
        ("microneedling scars", "Microneedling can improve acne scars."),
        ("microneedling last", "Results of microneedling last for months."),
        ("thinner", "Patients on blood thinners may bruise more easily."));

    [Fact]
    public void AnUrgentMessageIsAnsweredWithoutSearching()
    {
        var decider = new AnswerDecider(_searcher, Rules);

        var decision = decider.Decide("my throat is closing up and I can't breathe");

        Assert.Equal(DecisionKind.Urgent, decision.Kind);
        Assert.Equal("breathing", decision.Urgent!.Rule.Id);
        Assert.Empty(_searcher.Questions);
        Assert.Null(decision.Best);
    }

    [Fact]
    public void AGeneralQuestionThatSharesAnUrgentWordIsAnswered()
    {
        var decider = new AnswerDecider(_searcher, Rules);

        var decision = decider.Decide("is bleeding normal during microneedling?");

        Assert.Equal(DecisionKind.Answer, decision.Kind);
        Assert.Equal("answer", decision.Name);
        Assert.Equal("doc/s/0", decision.Best!.Passage.Id);
        Assert.False(decision.IsPersonalAdvice);
    }

    [Fact]
    public void AQuestionWithoutAGoodPassageAbstains()
    {
        var decider = new AnswerDecider(_searcher, Rules);

        var decision = decider.Decide("what are your opening hours?");

        Assert.Equal(DecisionKind.Abstain, decision.Kind);
        Assert.Null(decision.Best);
    }

    [Theory]
    [InlineData("should I stop my blood thinner before microneedling?")]
    [InlineData("I'm on blood thinners, is it safe for me?")]
    [InlineData("I'm pregnant, can I still get it done with my blood thinner?")]
    public void APersonalQuestionIsAnsweredAndFlaggedForTheDermatologist(string question)
    {
        var decider = new AnswerDecider(_searcher, Rules);

        var decision = decider.Decide(question);

        Assert.Equal(DecisionKind.Answer, decision.Kind);
        Assert.True(decision.IsPersonalAdvice);
    }

    [Theory]
    [InlineData("how long does it take to heal?")]
    [InlineData("what does microneedling do for scars?")]
    [InlineData("can I wear makeup after the treatment?")]
    public void AGeneralQuestionIsNotPersonalAdvice(string question)
    {
        Assert.False(PersonalAdviceDetector.IsPersonalAdvice(question));
    }

    [Fact]
    public void AShortFollowUpIsSearchedWithThePreviousTopic()
    {
        var decider = new AnswerDecider(_searcher, Rules);

        var decision = decider.Decide("how long does it last?", previousTopic: "does microneedling help scars", previousPassageId: "doc/s/1");

        Assert.Equal(DecisionKind.Answer, decision.Kind);
        Assert.Equal("Results of microneedling last for months.", decision.Best!.Passage.Text);
        Assert.StartsWith("does microneedling help scars", decision.SearchedText);
    }

    [Theory]
    [InlineData("where is the clinic?")]
    [InlineData("do you have parking")]
    [InlineData("what are your opening hours?")]
    public void AWholeQuestionTheArticlesLackIsNotAnsweredWithThePreviousTopic(string question)
    {
        var decider = new AnswerDecider(_searcher, Rules);

        var decision = decider.Decide(question, previousTopic: "does microneedling help scars");

        Assert.Equal(DecisionKind.Abstain, decision.Kind);
        Assert.Equal(question, decision.SearchedText);
    }

    [Theory]
    [InlineData("and for scars?")]
    [InlineData("what about scars")]
    [InlineData("scars?")]
    public void AFragmentIsSearchedWithThePreviousTopic(string fragment)
    {
        var decider = new AnswerDecider(_searcher, Rules);

        var decision = decider.Decide(fragment, previousTopic: "how long does microneedling last");

        Assert.Equal(DecisionKind.Answer, decision.Kind);
        Assert.Equal("Microneedling can improve acne scars.", decision.Best!.Passage.Text);
    }

    [Fact]
    public void AQuestionThatStandsAloneIgnoresThePreviousTopic()
    {
        var decider = new AnswerDecider(_searcher, Rules);

        var decision = decider.Decide("is bleeding normal during microneedling?", previousTopic: "blood thinner");

        Assert.Equal("is bleeding normal during microneedling?", decision.SearchedText);
        Assert.Single(_searcher.Questions);
    }

    [Fact]
    public void ARepeatedQuestionIsDecidedAgainFromTheCacheWithTheSameAnswer()
    {
        var decider = new AnswerDecider(_searcher, Rules, cacheCapacity: 16);

        var first = decider.Decide("is bleeding normal during microneedling?");
        var again = decider.Decide("is bleeding normal during microneedling?");

        Assert.Single(_searcher.Questions);
        Assert.Equal(first.Kind, again.Kind);
        Assert.Equal(first.Best!.Passage.Id, again.Best!.Passage.Id);
    }

    [Fact]
    public void AnUrgentMessageStaysUrgentWhenItComesAgainFromTheCache()
    {
        var decider = new AnswerDecider(_searcher, Rules, cacheCapacity: 16);

        decider.Decide("my throat is closing up and I can't breathe");
        var again = decider.Decide("my throat is closing up and I can't breathe");

        Assert.Equal(DecisionKind.Urgent, again.Kind);
        Assert.Empty(_searcher.Questions);
    }

    [Fact]
    public void AFollowUpStillUsesThePreviousTopicWhenItsOwnDecisionIsCached()
    {
        var decider = new AnswerDecider(_searcher, Rules, cacheCapacity: 16);
        decider.Decide("how long does it last?");

        var followUp = decider.Decide("how long does it last?", previousTopic: "microneedling scars");

        Assert.Equal(DecisionKind.Answer, followUp.Kind);
        Assert.Equal("microneedling scars how long does it last?", followUp.SearchedText);
    }
}
