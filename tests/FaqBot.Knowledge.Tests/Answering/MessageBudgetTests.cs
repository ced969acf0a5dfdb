using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Tests.Triage;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Tests.Answering;

/// <summary>
/// The decision reads a bounded part of a huge message (its head and its tail), so a maximum-size body costs about what a
/// long question costs; what a patient says at the start or at the end of it is still triaged.
/// </summary>
public sealed class MessageBudgetTests
{
    private static readonly UrgentRuleSet Rules = UrgentRuleSetLoader.Load(RepoFiles.UrgentRules);
    private static readonly string Filler = string.Concat(Enumerable.Repeat("I had the treatment last week and I have some questions about it. ", 2000));

    private readonly KeywordSearcher _searcher = new(("microneedling last", "Results of microneedling last for months."));

    [Theory]
    [InlineData("my throat is closing up and I can't breathe. ", "")]
    [InlineData("", " and now my throat is closing up and I can't breathe")]
    public void AnUrgentSentenceAtTheStartOrTheEndOfAHugeMessageIsStillTriaged(string head, string tail)
    {
        var message = head + Filler + tail;

        var decision = new AnswerDecider(_searcher, Rules).Decide(message);

        Assert.True(message.Length > 100_000);
        Assert.Equal(DecisionKind.Urgent, decision.Kind);
        Assert.Equal("breathing", decision.Urgent!.Rule.Id);
    }

    [Fact]
    public void EverythingTheDecisionReadsOfAHugeMessageIsWithinTheBudget()
    {
        var decider = new AnswerDecider(_searcher, Rules);

        decider.Decide("how long does microneedling last? " + Filler);

        var searched = Assert.Single(_searcher.Questions);
        Assert.InRange(searched.Length, 1, MessageBudget.MaxChars + 1);
        Assert.StartsWith("how long does microneedling last?", searched, StringComparison.Ordinal);
    }

    [Fact]
    public void ASurrogatePairAtTheCutIsNeverSplit()
    {
        var message = new string('a', MessageBudget.HeadChars - 1) + "😀" + new string('b', 10_000) + "😀" + new string('c', MessageBudget.TailChars - 1);

        var bounded = MessageBudget.Bounded(message);

        Assert.All(Enumerable.Range(0, bounded.Length), i =>
        {
            if (char.IsHighSurrogate(bounded[i]))
            {
                Assert.True(i + 1 < bounded.Length && char.IsLowSurrogate(bounded[i + 1]));
            }
            if (char.IsLowSurrogate(bounded[i]))
            {
                Assert.True(i > 0 && char.IsHighSurrogate(bounded[i - 1]));
            }
        });
    }
}
