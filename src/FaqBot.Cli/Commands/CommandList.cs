using System.CommandLine;

namespace FaqBot.Cli.Commands;

internal static class CommandList
{
    public static IEnumerable<Command> All() =>
    [
        // index, ask, eval, chunks (knowledge), report (conversation), teams-package (Teams) are added here.
        IndexCommand.Create(),
        AskCommand.Create(),
        EvalCommand.Create(),
        FitDecisionCommand.Create(),
        ChunksCommand.Create(),
        TeamsPackageCommand.Create(),
        ReportCommand.Create(),
    ];
}
