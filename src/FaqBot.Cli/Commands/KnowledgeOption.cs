using System.CommandLine;

namespace FaqBot.Cli.Commands;

internal static class KnowledgeOption
{
    public static Option<string?> Create() => new("--knowledge")
    {
        Description = "A folder of Markdown articles to use instead of the bundled knowledge/ (indexed into its own cached file).",
    };
}
