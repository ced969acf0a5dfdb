using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Triage;
using Microsoft.Extensions.Configuration;

namespace FaqBot.Cli.Commands;

// What the bot would do with a message: the bot's own AnswerDecider (urgent triage first, then search), with the
// urgent rule file the bot uses (Conversation:UrgentRulesFile), whatever knowledge folder is searched.
internal static class AskDecision
{
    private static readonly Lazy<UrgentRuleSet> Rules = new(LoadRules);

    public static (DecisionKind Decision, SearchResult Result) Decide(IPassageSearcher searcher, string question)
    {
        var decision = new AnswerDecider(searcher, Rules.Value).Decide(question);
        return (decision.Kind, decision.Result);
    }

    private static UrgentRuleSet LoadRules()
    {
        var baseDirectory = CliConfiguration.FindSettingsDirectory(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(baseDirectory)
            .AddJsonFile(CliConfiguration.FileName, optional: true)
            .AddEnvironmentVariables()
            .Build();
        var file = configuration["Conversation:UrgentRulesFile"] is { Length: > 0 } configured ? configured : "knowledge/urgent-rules.yaml";
        return UrgentRuleSetLoader.Load(Path.GetFullPath(file, baseDirectory));
    }
}
