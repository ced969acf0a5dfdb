using System.CommandLine;
using System.Diagnostics;

namespace FaqBot.Cli.Commands;

internal static class IndexCommand
{
    public static Command Create()
    {
        var knowledge = KnowledgeOption.Create();
        var command = new Command("index", "Build the search index from the knowledge folder and print a summary; exits 1 when a file could not be loaded.") { knowledge };
        command.SetAction(async (parse, ct) =>
        {
            var options = CliConfiguration.LoadKnowledgeOptions(parse.GetValue(knowledge));
            if (!Directory.Exists(options.Path))
            {
                Console.Error.WriteLine($"Knowledge folder not found: {options.Path}");
                return 2;
            }

            var clock = Stopwatch.StartNew();
            var shown = false;
            var progress = new Progress<int>(count =>
            {
                if (count % 500 == 0)
                {
                    Console.Error.Write($"\rread {count} articles...");
                    shown = true;
                }
            });
            using var knowledgeBase = await CliConfiguration.OpenAsync(parse.GetValue(knowledge), ct, forceRebuild: true, progress);
            if (knowledgeBase is null)
            {
                return 2;
            }

            var summary = knowledgeBase.Summary;
            if (shown)
            {
                Console.Error.WriteLine();
            }

            Console.WriteLine($"Indexed {options.Path}");
            Console.WriteLine($"  index:     {options.IndexPath}");
            Console.WriteLine($"  articles:  {summary.Articles}");
            Console.WriteLine($"  passages:  {summary.Passages}");
            Console.WriteLine($"  words:     {summary.Words} ({summary.VocabularyWords} distinct)");
            Console.WriteLine($"  warnings:  {knowledgeBase.Warnings.Count}");
            foreach (var warning in knowledgeBase.Warnings)
            {
                Console.WriteLine($"    {warning}");
            }

            Console.WriteLine($"  time:      {clock.Elapsed.TotalSeconds:0.00} s");

            // A deploy script must stop here: the bot would answer without these files.
            var failed = knowledgeBase.FailedFiles;
            if (failed.Count > 0)
            {
                Console.Error.WriteLine($"{failed.Count} {(failed.Count == 1 ? "file" : "files")} could not be loaded and {(failed.Count == 1 ? "is" : "are")} left out: {string.Join(", ", failed)}. Fix the lines named above and run faqbot index again.");
                return 1;
            }

            return 0;
        });
        return command;
    }
}
