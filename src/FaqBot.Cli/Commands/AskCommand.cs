using System.CommandLine;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Clinic;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Search.Highlight;
using FaqBot.Knowledge.Search.Queries;

namespace FaqBot.Cli.Commands;

internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string?>("question") { Description = "The question, in quotes.", Arity = ArgumentArity.ZeroOrOne };
        var questions = new Option<FileInfo?>("--questions") { Description = "A JSONL file of {\"id\", \"question\"} lines to answer in batch." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per question: qid, decision, hits." };
        var explain = new Option<bool>("--explain") { Description = "Also show how the question was understood: its terms, their weights, corrections and synonyms." };
        var knowledge = KnowledgeOption.Create();
        var command = new Command("ask", "Answer a question (or a file of questions) the way the bot would.") { question, questions, json, explain, knowledge };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(questions);
            var single = parse.GetValue(question);
            if (file is null && single is null)
            {
                Console.Error.WriteLine("Give a question in quotes or --questions FILE.");
                return 2;
            }

            if (file is not null && !file.Exists)
            {
                Console.Error.WriteLine($"Questions file not found: {file.FullName}");
                return 2;
            }

            using var knowledgeBase = await CliConfiguration.OpenAsync(parse.GetValue(knowledge), ct);
            if (knowledgeBase is null)
            {
                return 2;
            }

            var searcher = knowledgeBase.Searcher;
            var decider = AskDecision.For(knowledgeBase);
            if (file is null)
            {
                var decided = decider.Decide(single!);
                if (parse.GetValue(explain))
                {
                    Console.WriteLine(Explain(searcher, single!));
                }

                Console.WriteLine(parse.GetValue(json) ? JsonOutput.Answer("q", decided.Kind, decided.Result, decided.Clinic) : Describe(decided.Kind, decided.Result, decided.Clinic));
                return 0;
            }

            var (items, errors) = QuestionFile.Read(file.FullName);
            foreach (var item in items)
            {
                if (parse.GetValue(explain))
                {
                    Console.WriteLine($"{item.Id}\t{Explain(searcher, item.Question)}");
                }

                var decided = decider.Decide(item.Question);
                var (decision, result) = (decided.Kind, decided.Result);
                Console.WriteLine(parse.GetValue(json) ? JsonOutput.Answer(item.Id, decision, result, decided.Clinic)
                    : $"{item.Id}\t{JsonOutput.Decision(decision)}\t{result.Best?.Confidence:0.00}\t{decided.Clinic?.Fact.SourceFile ?? result.Best?.Passage.Id}");
            }

            foreach (var error in errors)
            {
                Console.Error.WriteLine(error);
            }

            return errors.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Explain(PassageSearcher searcher, string question) =>
        "terms: " + string.Join("  ", searcher.Analyze(question).Terms.Select(t =>
            $"{t.Label}[{t.Origin.ToString().ToLowerInvariant()} {t.Weight:0.00}{(t.Stems.Count > 1 || t.Origin != TermOrigin.Known ? " → " + string.Join('|', t.Stems.Select(searcher.Vocabulary.Stem)) : "")}]"));

    private static string Describe(DecisionKind decision, SearchResult result, ClinicMatch? clinic)
    {
        var lines = new List<string> { $"decision: {JsonOutput.Decision(decision)}" };
        if (clinic is not null)
        {
            lines.Add($"clinic fact: {clinic.Fact.SourceFile} \"{clinic.Fact.Title}\" (meaning {clinic.Similarity:0.00}{(clinic.Word is null ? "" : $", word \"{clinic.Word}\"")})");
            lines.Add($"   » {clinic.Fact.Body.ReplaceLineEndings(" ")}");
            lines.Add("passages the articles offered (declined):");
        }

        if (result.Hits.Count == 0)
        {
            lines.Add("No passage matches this question.");
        }

        foreach (var (hit, rank) in result.Hits.Take(3).Select((h, i) => (h, i + 1)))
        {
            var citation = hit.Passage.Citation;
            var source = string.Join(", ", new[] { citation.Title, citation.Publisher, citation.Author, citation.Updated, citation.Url }.Where(s => s.Length > 0));
            lines.Add("");
            lines.Add($"{rank}. [{hit.Confidence:0.00}] {hit.Passage.Id}  ({hit.Passage.Heading})");
            lines.Add($"   » {hit.BestSentence}");
            lines.Add($"   Source: {source}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
