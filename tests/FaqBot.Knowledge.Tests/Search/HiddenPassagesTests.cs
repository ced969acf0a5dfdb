using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Tests.Support;
using FaqBot.Knowledge.Tests.Triage;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Tests.Search;

public sealed class HiddenPassagesTests : IDisposable
{
    private const string Question = "how do I apply sunscreen?";
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task AHiddenPassageIsNoLongerAnsweredAtOnceEvenForAQuestionTheDeciderRemembers()
    {
        var options = Options();
        using var knowledge = await KnowledgeBase.OpenAsync(options);
        var decider = new AnswerDecider(knowledge.Search, UrgentRuleSetLoader.Load(RepoFiles.UrgentRules), cacheCapacity: 100);
        var before = decider.Decide(Question);
        Assert.Equal(DecisionKind.Answer, before.Kind);
        var shown = before.Best!.Passage.Id;

        knowledge.Hidden.Hide(shown, "nurse@clinic.example", "out of date", DateTimeOffset.UtcNow);

        var after = decider.Decide(Question);
        Assert.DoesNotContain(after.Result.Hits, h => h.Passage.Id == shown);
        Assert.DoesNotContain(knowledge.Searcher.Search(Question).Hits, h => h.Passage.Id == shown);
        Assert.DoesNotContain(knowledge.Search.Search(Question, 100).Hits, h => h.Passage.Id == shown);
        Assert.NotNull(knowledge.Search.GetPassage(shown));

        knowledge.Hidden.Show(shown);
        Assert.Equal(shown, decider.Decide(Question).Best?.Passage.Id);
    }

    [Fact]
    public async Task TheDecisionIsAFileInTheKnowledgeFolderThatSurvivesARestartAndRebuildsTheIndex()
    {
        var options = Options();
        string hidden;
        using (var first = await KnowledgeBase.OpenAsync(options))
        {
            hidden = first.Searcher.Search(Question).Best!.Passage.Id;
            first.Hidden.Hide(hidden, "nurse@clinic.example", "says \"daily\": we now say twice daily", DateTimeOffset.UtcNow);
        }

        var text = File.ReadAllText(Path.Combine(options.Path, HiddenPassages.FileName));
        Assert.Contains(hidden, text);
        Assert.Contains("nurse@clinic.example", text);

        using var second = await KnowledgeBase.OpenAsync(options);
        Assert.True(second.Summary.Rebuilt, "the index was reused though the hidden passages changed");
        var entry = Assert.Single(second.Hidden.Entries);
        Assert.Equal((hidden, "says \"daily\": we now say twice daily"), (entry.Passage, entry.Why));
        Assert.DoesNotContain(second.Search.Search(Question, 100).Hits, h => h.Passage.Id == hidden);
    }

    [Fact]
    public async Task ABrokenFileIsALoadWarningAndHidesNothing()
    {
        var options = Options();
        File.WriteAllText(Path.Combine(options.Path, HiddenPassages.FileName), "hidden:\n  - passage: \"sunscreen-basics/2\n    by: x\n");

        using var knowledge = await KnowledgeBase.OpenAsync(options);

        Assert.Contains(knowledge.Warnings, w => w.StartsWith(HiddenPassages.FileName, StringComparison.Ordinal));
        Assert.Equal(0, knowledge.Hidden.Count);
    }

    private KnowledgeOptions Options() => new()
    {
        Path = Some.CopyFixtures(_temp.File("knowledge")),
        IndexPath = _temp.File("index/faqbot"),
        SynonymsFile = "",
        NotCoveredFile = "",
    };

    public void Dispose() => _temp.Dispose();
}
