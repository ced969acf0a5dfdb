using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Tests.Semantic;
using FaqBot.Knowledge.Tests.Triage;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Tests.Answering;

public sealed class PersonalAdviceGuardTests(BundledKnowledge bundled) : IClassFixture<BundledKnowledge>
{
    private static readonly UrgentRuleSet Rules = UrgentRuleSetLoader.Load(RepoFiles.UrgentRules);

    [Theory]
    [InlineData("I'm 20 weeks pregnant, is it ok to get microneedling on my acne scars?")]
    [InlineData("I am breastfeeding my 3 month old, can I have a microneedling session?")]
    [InlineData("my son is on isotretinoin for his acne, can he do microneedling now?")]
    public void AQuestionAboutTheirOwnCircumstanceThatNoPassageMentionsIsDeclinedAsPersonal(string message)
    {
        var decision = new AnswerDecider(bundled.KnowledgeBase.Search, Rules).Decide(message);

        Assert.Equal(DecisionKind.Abstain, decision.Kind);
        Assert.True(decision.IsPersonalAdvice);
    }

    [Fact]
    public void ACircumstanceThePassageSpeaksOfIsStillAnswered()
    {
        var decision = new AnswerDecider(bundled.KnowledgeBase.Search, Rules).Decide("I take blood thinners, is microneedling a problem for me?");

        Assert.Equal(DecisionKind.Answer, decision.Kind);
        Assert.Contains("blood-thinning", decision.Best!.Passage.Text, StringComparison.Ordinal);
        Assert.True(decision.IsPersonalAdvice);
    }

    [Fact]
    public void TheGuardReadsThePassageNotJustTheWords()
    {
        Assert.True(PersonalAdviceDetector.PassageIgnoresSituation("I'm pregnant, can I?", "Microneedling creates tiny wounds."));
        Assert.False(PersonalAdviceDetector.PassageIgnoresSituation("I'm pregnant, can I?", "It is not advised during pregnancy."));
        Assert.False(PersonalAdviceDetector.PassageIgnoresSituation("is it safe in pregnancy?", "Microneedling creates tiny wounds."));
    }
}
