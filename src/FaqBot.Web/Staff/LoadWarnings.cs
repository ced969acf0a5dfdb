using System.Text.RegularExpressions;
using FaqBot.Knowledge;

namespace FaqBot.Web.Staff;

/// <summary>One problem met while loading the knowledge: the file, the line when known, and what is wrong.</summary>
public sealed record LoadWarning(string? File, int? Line, string Message);

/// <summary>
/// The knowledge base's load warnings as the console shows them. The only place the console reads them: today the
/// knowledge base gives "file:line: message" strings; when it gives file, line and message itself, map them here.
/// </summary>
public sealed partial class LoadWarnings(KnowledgeBase knowledge)
{
    public IReadOnlyList<LoadWarning> All => [.. knowledge.Warnings.Select(Parse)];

    internal static LoadWarning Parse(string warning)
    {
        var match = FileLineMessage().Match(warning);
        if (!match.Success)
        {
            return new LoadWarning(null, null, warning);
        }

        int? line = match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new LoadWarning(match.Groups["file"].Value, line, match.Groups["message"].Value);
    }

    // "eczema.md:4: the title is missing its closing quote", "synonyms.txt:12: …", "acne.md: questions for …".
    [GeneratedRegex(@"^(?<file>[^\s:][^:]*?\.(md|txt|yaml|yml))(:(?<line>\d+))?:\s*(?<message>.+)$", RegexOptions.Singleline)]
    private static partial Regex FileLineMessage();
}
