using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Search;

namespace FaqBot.Cli.Commands;

// What the bot would do with a message. The one place `ask` and `eval` decide, so the conversation's
// AnswerDecider (urgent triage first, then search) can replace this body without touching the commands.
internal static class AskDecision
{
    public static (DecisionKind Decision, SearchResult Result) Decide(IPassageSearcher searcher, string question)
    {
        var result = searcher.Search(question);
        return (result.HasGoodAnswer ? DecisionKind.Answer : DecisionKind.Abstain, result);
    }
}
