using System.CommandLine;
using System.Text.Json;

namespace FaqBot.Cli.Commands;

internal static class ChunksCommand
{
    public static Command Create()
    {
        var knowledge = KnowledgeOption.Create();
        var command = new Command("chunks", "Print every passage as JSONL {id, doc, title, heading, text}.") { knowledge };
        command.SetAction(async (parse, ct) =>
        {
            using var knowledgeBase = await CliConfiguration.OpenAsync(parse.GetValue(knowledge), ct);
            if (knowledgeBase is null)
            {
                return 2;
            }

            foreach (var passage in knowledgeBase.Searcher.Passages)
            {
                Console.WriteLine(JsonSerializer.Serialize(
                    new { id = passage.Id, doc = passage.DocId, title = passage.Title, heading = passage.Heading, text = passage.Text },
                    JsonOutput.Options));
            }

            return 0;
        });
        return command;
    }
}
