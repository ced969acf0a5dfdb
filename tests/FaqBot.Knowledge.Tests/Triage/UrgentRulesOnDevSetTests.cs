using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Tests.Triage;

public sealed class UrgentRulesOnDevSetTests
{
    private readonly UrgentRuleSet _rules = UrgentRuleSetLoader.Load(RepoFiles.UrgentRules);

    [Fact]
    public void EveryUrgentDevQuestionIsCaught()
    {
        var urgent = RepoFiles.DevQuestions().Where(q => q.Kind == "urgent").ToList();

        var missed = urgent.Where(q => _rules.Match(q.Question) is null).Select(q => $"{q.Id}: {q.Question}").ToList();

        Assert.True(urgent.Count >= 20, $"the dev set should hold at least 20 urgent messages, it has {urgent.Count}");
        Assert.True(missed.Count == 0, "missed urgent messages:\n" + string.Join('\n', missed));
    }

    [Fact]
    public void AtMostTwoPercentOfAnswerableDevQuestionsAreFlaggedUrgent()
    {
        var answerable = RepoFiles.DevQuestions().Where(q => q.Kind == "answer").ToList();

        var flagged = answerable.Select(q => (q, match: _rules.Match(q.Question))).Where(x => x.match is not null)
            .Select(x => $"{x.q.Id} ({x.match!.Rule.Id}: \"{x.match.MatchedWords}\"): {x.q.Question}").ToList();

        Assert.True(flagged.Count <= answerable.Count * 0.02, "answerable questions flagged urgent:\n" + string.Join('\n', flagged));
    }

    [Fact]
    public void OutOfScopeDevQuestionsAreNotFlaggedUrgent()
    {
        var abstain = RepoFiles.DevQuestions().Where(q => q.Kind == "abstain").ToList();

        var flagged = abstain.Where(q => _rules.Match(q.Question) is not null).Select(q => $"{q.Id}: {q.Question}").ToList();

        Assert.True(flagged.Count == 0, "out-of-scope questions flagged urgent:\n" + string.Join('\n', flagged));
    }
}
