using System.Collections.Concurrent;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Tests.Semantic;
using FaqBot.Knowledge.Tests.Triage;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Tests.Clinic;

/// <summary>
/// The clinic's facts never lower the bar for medical passages: on the dev questions and the tune half of the
/// question bank, every medical answer (its passage too), every decline and every urgent reply is the same with the
/// facts as without them; a fact only ever answers a message the articles declined, and never one the articles are
/// meant to answer.
/// </summary>
public sealed class ClinicFactsGuardTests(BundledKnowledge bundled) : IClassFixture<BundledKnowledge>
{
    private static readonly UrgentRuleSet Rules = UrgentRuleSetLoader.Load(RepoFiles.UrgentRules);

    [Fact]
    public void MedicalAnswersDeclinesAndUrgentRepliesAreTheSameWithTheClinicFacts()
    {
        var knowledgeBase = bundled.KnowledgeBase;
        // Both deciders triage and search alike: the urgent rules (the semantic net is left out to keep this test
        // quick; it runs before the facts are asked either way), and a search remembered so the second pass costs
        // no search again.
        var searcher = new RememberingSearcher(knowledgeBase.Search);
        var without = new AnswerDecider(searcher, Rules);
        var with = new AnswerDecider(searcher, Rules, clinic: knowledgeBase.Clinic);
        var items = RepoFiles.DevQuestions().Concat(RepoFiles.Bank("tune.jsonl").Select(q => (q.Id, q.Question, q.Kind))).ToList();

        var changed = new List<string>();
        var claimedAnswerable = new List<string>();
        var claimed = 0;
        foreach (var (id, question, kind) in items)
        {
            var before = without.Decide(question);
            var after = with.Decide(question);
            if (after.Kind == DecisionKind.Clinic)
            {
                claimed++;
                if (before.Kind != DecisionKind.Abstain)
                {
                    changed.Add($"{id}: {before.Name} {before.Best?.Passage.Id} became clinic {after.Clinic!.Fact.Id}");
                }

                if (kind == "answer")
                {
                    claimedAnswerable.Add($"{id} ({after.Clinic!.Fact.Id}, {after.Clinic.Word}): {question}");
                }
            }
            else if (after.Kind != before.Kind || after.Best?.Passage.Id != before.Best?.Passage.Id)
            {
                changed.Add($"{id}: {before.Name} {before.Best?.Passage.Id} became {after.Name} {after.Best?.Passage.Id}");
            }
        }

        Assert.True(items.Count > 700, $"only {items.Count} questions read");
        Assert.True(changed.Count == 0, "medical decisions changed by the clinic facts:\n" + string.Join('\n', changed));
        Assert.True(claimedAnswerable.Count == 0, "questions an article answers were answered with a clinic fact:\n" + string.Join('\n', claimedAnswerable));
        // The facts do answer the clinic questions among the declines (opening hours, parking, insurance ...).
        Assert.True(claimed >= 10, $"the clinic facts answered only {claimed} questions");
    }

    private sealed class RememberingSearcher(IPassageSearcher inner) : IPassageSearcher
    {
        private readonly ConcurrentDictionary<(string, int), SearchResult> _results = new();

        public SearchResult Search(string question, int limit = 10) => _results.GetOrAdd((question, limit), k => inner.Search(k.Item1, k.Item2));

        public Passage? GetPassage(string passageId) => inner.GetPassage(passageId);

        public Passage? GetNextPassage(string passageId) => inner.GetNextPassage(passageId);

        public IReadOnlyList<ArticleSummary> GetArticles() => inner.GetArticles();
    }
}
