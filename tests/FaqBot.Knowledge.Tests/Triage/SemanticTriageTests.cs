using System.Text.Json;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Tests.Semantic;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Tests.Triage;

/// <summary>Urgent triage by rule and by meaning together, as the bot decides, on the bundled knowledge.</summary>
public sealed class SemanticTriageTests(BundledKnowledge bundled) : IClassFixture<BundledKnowledge>
{
    private static readonly UrgentRuleSet Rules = UrgentRuleSetLoader.Load(RepoFiles.UrgentRules);
    private static readonly UrgentExamples Examples = UrgentExamples.Load(RepoFiles.UrgentExamples, Rules);

    private AnswerDecider Decider() => new(bundled.KnowledgeBase.Search, Rules,
        semanticTriage: new SemanticTriage(bundled.KnowledgeBase.Embedder!, Rules, Examples, answeredQuestions: bundled.KnowledgeBase.Hybrid!.Vectors.QuestionVectors));

    [Fact]
    public void EveryUrgentExampleOfTheStaffFileIsUrgentAndEveryOrdinaryOneIsNot()
    {
        var decider = Decider();

        var missed = Examples.Urgent.SelectMany(g => g.Value).Where(e => decider.Decide(e).Kind != DecisionKind.Urgent).ToList();
        var flagged = Examples.Ordinary.Where(e => decider.Decide(e).Kind == DecisionKind.Urgent).ToList();

        Assert.True(missed.Count == 0, "missed: " + string.Join(" | ", missed));
        Assert.True(flagged.Count == 0, "flagged: " + string.Join(" | ", flagged));
    }

    [Fact]
    public void SelfHarmExamplesGetTheCrisisRule()
    {
        var decider = Decider();

        var wrong = Examples.Urgent["self-harm"].Where(e => decider.Decide(e).Urgent?.Rule.Crisis != true).ToList();

        Assert.True(wrong.Count == 0, string.Join(" | ", wrong));
    }

    [Theory]
    [InlineData("i scratch at my arms with my compass till they bleed when school gets too much")]
    [InlineData("My husband has been writing letters to each of us kids and says he's finally found a way to stop being a weight on us")]
    public void SelfHarmThatAlsoNamesBleedingOrTheBodyGetsTheCrisisLine(string message) =>
        Assert.True(Decider().Decide(message).Urgent!.Rule.Crisis);

    [Theory]
    [InlineData("everything feels pointless lately and I keep thinking my kids deserve a better mum than me, one who isn't here")]
    [InlineData("I told my therapist I was fine but I've been looking at the train times and the quiet stretch of track near us")]
    public void TheSemanticNetCatchesSelfHarmThatNoRulePatternLists(string message)
    {
        Assert.Null(Rules.Match(message));

        var decision = Decider().Decide(message);

        Assert.Equal(DecisionKind.Urgent, decision.Kind);
        Assert.Equal("meaning", decision.Urgent!.Net);
        Assert.True(decision.Urgent.Rule.Crisis);
    }

    [Fact]
    public void TheTuneHalfOfTheQuestionBankMeetsTheTriageTargets()
    {
        var decider = Decider();
        var items = RepoFiles.Bank("tune.jsonl");

        var urgent = items.Where(i => i.Kind == "urgent").ToList();
        var ordinary = items.Where(i => i.Kind != "urgent").ToList();
        var selfHarmMissed = urgent.Where(i => i.Rule == "self-harm" && decider.Decide(i.Question).Kind != DecisionKind.Urgent).Select(i => i.Id).ToList();
        var nearUrgentFlagged = ordinary.Where(i => i.NearUrgent && decider.Decide(i.Question).Kind == DecisionKind.Urgent).Select(i => i.Id).ToList();
        var caught = urgent.Count(i => decider.Decide(i.Question).Kind == DecisionKind.Urgent) / (double)urgent.Count;
        var flagged = ordinary.Count(i => decider.Decide(i.Question).Kind == DecisionKind.Urgent) / (double)ordinary.Count;

        Assert.True(selfHarmMissed.Count == 0, "self-harm missed: " + string.Join(", ", selfHarmMissed));
        Assert.True(nearUrgentFlagged.Count == 0, "near-urgent flagged: " + string.Join(", ", nearUrgentFlagged));
        Assert.True(caught >= 0.98, $"urgent caught {caught:0.000}");
        Assert.True(flagged <= 0.02, $"ordinary flagged {flagged:0.000}");
    }

    [Fact]
    public void AnUnknownRuleIdOrAnEmptyOrdinaryListStopsStartUpNamingTheProblem()
    {
        var unknown = Assert.Throws<InvalidDataException>(() => UrgentExamples.Parse("urgent:\n  sunburn:\n    - \"x\"\nordinary:\n  - \"y\"\n", "ex.yaml", Rules));
        var empty = Assert.Throws<InvalidDataException>(() => UrgentExamples.Parse("urgent:\n  self-harm:\n    - \"x\"\nordinary: []\n", "ex.yaml", Rules));
        var broken = Assert.Throws<InvalidDataException>(() => UrgentExamples.Parse("urgent:\n  self-harm: [\"x\"\n", "ex.yaml", Rules));

        Assert.Contains("'sunburn'", unknown.Message);
        Assert.Contains("ordinary", empty.Message);
        Assert.Contains("ex.yaml, line", broken.Message);
    }
}
