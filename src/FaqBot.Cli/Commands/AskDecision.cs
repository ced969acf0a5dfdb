using FaqBot.Knowledge;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Triage;
using Microsoft.Extensions.Configuration;

namespace FaqBot.Cli.Commands;

// What the bot would do with a message: the bot's own AnswerDecider (urgent triage by rule and by meaning first, then
// search, then the clinic's own facts for what no article answers), with the urgent files the bot uses
// (Conversation:UrgentRulesFile, UrgentExamplesFile), whatever knowledge folder is searched.
internal static class AskDecision
{
    public static AnswerDecider For(KnowledgeBase knowledgeBase)
    {
        var baseDirectory = CliConfiguration.FindSettingsDirectory(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(baseDirectory)
            .AddJsonFile(CliConfiguration.FileName, optional: true)
            .AddEnvironmentVariables()
            .Build();
        var rulesFile = configuration["Conversation:UrgentRulesFile"] is { Length: > 0 } r ? r : "knowledge/urgent-rules.yaml";
        var examplesFile = configuration["Conversation:UrgentExamplesFile"] is { Length: > 0 } e ? e : "knowledge/urgent-examples.yaml";
        var rules = UrgentRuleSetLoader.Load(Path.GetFullPath(rulesFile, baseDirectory));
        var semantic = knowledgeBase.Embedder is { } embedder
            ? new SemanticTriage(embedder, rules, UrgentExamples.Load(Path.GetFullPath(examplesFile, baseDirectory), rules), answeredQuestions: knowledgeBase.Hybrid?.Vectors.QuestionVectors)
            : null;
        return new AnswerDecider(knowledgeBase.Search, rules, semanticTriage: semantic, clinic: knowledgeBase.Clinic);
    }
}
