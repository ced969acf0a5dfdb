using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Tests.Triage;

public sealed class UrgentRuleSetLoaderTests
{
    private const string Language = """
        negations: [no, not, "don't"]
        modal_openers: [will, can]
        question_openers: [is, how]
        hypothetical_cues: ["what if"]
        fillers: [hi]
        asking_verbs: [can, should]
        """;

    [Fact]
    public void APatternNeedsEveryGroupInOneSentence()
    {
        var rules = Parse("""
            rules:
              - id: lips
                patterns: ["lips|tongue + swollen|swelling"]
            """);

        Assert.NotNull(rules.Match("My tongue is swollen"));
        Assert.Null(rules.Match("My tongue hurts. My cheek is swollen."));
    }

    [Fact]
    public void ADeniedSymptomDoesNotCount()
    {
        var rules = Parse("""
            rules:
              - id: lips
                patterns: ["lips + swollen"]
            """);

        Assert.Null(rules.Match("my lips are not swollen"));
        Assert.Null(rules.Match("No swollen lips, just redness"));
        Assert.NotNull(rules.Match("No, my lips are swollen"));
    }

    [Fact]
    public void AGeneralQuestionCountsOnlyForRulesMeantForQuestionsToo()
    {
        var rules = Parse("""
            rules:
              - id: lips
                patterns: ["lips + swollen"]
              - id: breath
                even_in_questions: true
                patterns: ["breathe + can't"]
            """);

        Assert.Null(rules.Match("Will my lips be swollen?"));
        Assert.Null(rules.Match("Is it normal for lips to be swollen?"));
        Assert.NotNull(rules.Match("Is it normal that my lips are swollen?"));
        Assert.NotNull(rules.Match("Can it be that I can't breathe?"));
    }

    [Fact]
    public void AnUnlessPhraseCancelsTheMatchItOverlaps()
    {
        var rules = Parse("""
            rules:
              - id: fever
                unless: ["fever blister"]
                patterns: ["fever"]
            """);

        Assert.Null(rules.Match("I have a fever blister"));
        Assert.NotNull(rules.Match("I have a fever blister and a fever"));
    }

    [Fact]
    public void BrokenYamlIsReportedWithFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => UrgentRuleSetLoader.Parse("rules:\n  - id: a\n    patterns: [\"x\"\n", "rules.yaml"));

        Assert.Contains("rules.yaml, line", error.Message);
    }

    [Theory]
    [InlineData("rules:\n  - id: a\n    patterns: [\"lips + \"]\n", "rule 'a'")]
    [InlineData("rules:\n  - id: a\n    patterns: [x]\n  - id: a\n    patterns: [y]\n", "rule 'a' needs an id")]
    [InlineData("rules:\n  - id: a\n", "rule 'a' has no patterns")]
    [InlineData("negations: [no]\n", "no rules found")]
    public void AMistakeInARuleNamesTheFileAndTheRule(string yaml, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => UrgentRuleSetLoader.Parse(yaml, "rules.yaml"));

        Assert.StartsWith("rules.yaml", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private static UrgentRuleSet Parse(string rules) => UrgentRuleSetLoader.Parse(Language + "\n" + rules, "test.yaml");
}
