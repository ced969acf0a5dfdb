using System.CommandLine;
using FaqBot.Cli.Commands;

// Each command lives in its own file under Commands/; this file only lists them.
var root = new RootCommand("FaqBot's command-line tool: build the index, ask questions, evaluate, report.");
foreach (var command in CommandList.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
