using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace FaqBot.Knowledge.Ingestion;

/// <summary>Says what is wrong with a front matter block in words clinic staff understand ("the title is missing its
/// closing quote"), from the YAML parser's technical message and the line it points at.</summary>
internal static partial class FrontMatterProblem
{
    /// <param name="lines">The file's lines.</param>
    /// <param name="firstLine">The 1-based file line the YAML block starts on (the line after the opening <c>---</c>).</param>
    public static (int Line, string Message) Describe(YamlException ex, IReadOnlyList<string> lines, int firstLine)
    {
        var line = (int)ex.Start.Line - 1 + firstLine;
        var technical = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0].Trim();
        if (technical.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase) || technical.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase))
        {
            // An unclosed quote runs on into the next lines, and the parser trips further down: the culprit is the
            // first line with an odd number of quotes.
            for (var i = firstLine; i <= Math.Min(line, lines.Count); i++)
            {
                if (lines[i - 1].Replace("\\\"", "", StringComparison.Ordinal).Count(c => c == '"') % 2 == 1)
                {
                    var unclosed = KeyOn(lines, i);
                    return (i, $"{(unclosed is null ? "a value" : $"the {unclosed.Replace('_', ' ')}")} is missing its closing quote (\")");
                }
            }
        }

        var key = KeyOn(lines, line);
        var what = key is null ? "a value" : $"the {key.Replace('_', ' ')}";
        string message;
        if (technical.Contains("quoted scalar", StringComparison.OrdinalIgnoreCase))
        {
            // The parser reports where the unclosed quote opened; the key on that line is the one to fix.
            message = $"{what} is missing its closing quote (\")";
        }
        else if (technical.Contains("Mapping values are not allowed", StringComparison.OrdinalIgnoreCase))
        {
            var previous = KeyOn(lines, line - 1);
            message = key is not null && previous is not null && !lines[line - 2].Contains('"')
                ? $"{what} or the line above it has a colon (:) in its value; put the value in double quotes"
                : $"{what} has a colon (:) in its value; put the value in double quotes";
        }
        else if (technical.Contains("cannot start any token", StringComparison.OrdinalIgnoreCase))
        {
            message = "this line starts with a character that is not allowed there (a tab, @ or `); use spaces and put the value in double quotes";
        }
        else if (technical.Contains("did not find expected key", StringComparison.OrdinalIgnoreCase)
            || technical.Contains("did not find expected '-'", StringComparison.OrdinalIgnoreCase))
        {
            message = "this line is not in the form key: \"value\"; check its spaces at the start and its quotes";
        }
        else if (technical.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
        {
            message = $"{what} is given twice; keep one";
        }
        else if (ex is not SyntaxErrorException && key is not null)
        {
            message = key is "questions" or "words"
                ? $"{what} should be a list of values in double quotes"
                : $"{what} should be one value in double quotes (a colon or a [ in it needs the quotes)";
        }
        else
        {
            message = $"the front matter is not valid YAML ({technical})";
        }

        return (line, message);
    }

    // The key a front matter line sets ("title" for `title: "…"`), or null.
    private static string? KeyOn(IReadOnlyList<string> lines, int line) =>
        line >= 1 && line <= lines.Count && Key().Match(lines[line - 1]) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:")]
    private static partial Regex Key();
}
