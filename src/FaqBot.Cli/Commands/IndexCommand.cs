using System.CommandLine;
using System.Diagnostics;

namespace FaqBot.Cli.Commands;

internal static class IndexCommand
{
    public static Command Create()
    {
        var knowledge = KnowledgeOption.Create();
        var command = new Command("index", "Build the search index from the knowledge folder and print a summary.") { knowledge };
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
            return 0;
        });
        return command;
    }
}
