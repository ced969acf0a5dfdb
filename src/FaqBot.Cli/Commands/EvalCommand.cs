using System.CommandLine;
using System.Text.Json;

namespace FaqBot.Cli.Commands;

internal static class EvalCommand
{
    public static Command Create()
    {
        var questions = new Option<FileInfo>("--questions") { Description = "JSONL: {\"id\", \"question\", \"kind\": answer|abstain|urgent, \"expect_any\": [phrases]}.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the figures (and misses) as one JSON object." };
        var misses = new Option<bool>("--misses") { Description = "Also list the items that were not answered right at rank 1." };
        var knowledge = KnowledgeOption.Create();
        var command = new Command("eval", "Score a question set: top-1, recall@3, MRR@10, declined shares, urgent figures.") { questions, json, misses, knowledge };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(questions)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"Questions file not found: {file.FullName}");
                return 2;
            }

            // The sealed half of the question bank is read as totals only: listing its misses would invite fitting them.
            if (parse.GetValue(misses) && file.Name.Contains("sealed", StringComparison.OrdinalIgnoreCase))
            {
                Console.Error.WriteLine($"{file.Name} is sealed: eval prints its totals only, never its items (--misses refused).");
                return 2;
            }

            using var knowledgeBase = await CliConfiguration.OpenAsync(parse.GetValue(knowledge), ct);
            if (knowledgeBase is null)
            {
                return 2;
            }

            var (items, errors) = QuestionFile.Read(file.FullName);
            var score = new EvalScore();
            var decider = AskDecision.For(knowledgeBase);
            foreach (var item in items)
            {
                var decision = decider.Decide(item.Question);
                score.Add(item, decision.Kind, decision.Result);
            }

            var figures = score.Figures();
            if (parse.GetValue(json))
            {
                if (parse.GetValue(misses))
                {
                    figures["misses"] = score.Misses;
                }

                Console.WriteLine(JsonSerializer.Serialize(figures, JsonOutput.Options));
            }
            else
            {
                Console.WriteLine($"eval {file.Name} on {knowledgeBase.Options.Path} ({items.Count} items)");
                foreach (var (name, value) in figures)
                {
                    if (value is Dictionary<string, object> table)
                    {
                        Console.WriteLine($"  {name}");
                        foreach (var (band, share) in table)
                        {
                            Console.WriteLine($"    {band,-26} {share}");
                        }

                        continue;
                    }

                    Console.WriteLine($"  {name,-28} {value}");
                }

                foreach (var miss in parse.GetValue(misses) ? score.Misses : [])
                {
                    Console.WriteLine("  miss " + JsonSerializer.Serialize(miss, JsonOutput.Options));
                }
            }

            foreach (var error in errors)
            {
                Console.Error.WriteLine(error);
            }

            return errors.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
