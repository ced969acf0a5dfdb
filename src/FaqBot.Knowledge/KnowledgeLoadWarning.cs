using System.Text.RegularExpressions;

namespace FaqBot.Knowledge;

/// <summary>One problem found while loading the knowledge folder, in words clinic staff understand.</summary>
/// <param name="File">The file, relative to the knowledge folder (e.g. <c>verywell-microneedling-overview.md</c>,
/// <c>clinic/parking.md</c>, <c>synonyms.txt</c>).</param>
/// <param name="Line">The 1-based line the problem is on; null when it is about the whole file.</param>
/// <param name="Message">What is wrong and how to fix it ("the title is missing its closing quote (\")").</param>
/// <param name="FileSkipped">The whole file was left out (a broken article or clinic fact); false when only a line
/// or a part of it was ignored (a bad synonyms line, questions for a heading that does not exist).</param>
public sealed partial record KnowledgeLoadWarning(string File, int? Line, string Message, bool FileSkipped)
{
    /// <summary>"line 4: the title is missing its closing quote", without the file name.</summary>
    public string Describe() => Line is { } line ? $"line {line}: {Message}" : Message;

    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";

    /// <summary>Reads back a warning written as <c>file:line: message</c> or <c>file: message</c> (the form the
    /// index keeps and the logs show).</summary>
    public static KnowledgeLoadWarning Parse(string text, bool fileSkipped)
    {
        var match = Shape().Match(text);
        return match.Success
            ? new KnowledgeLoadWarning(match.Groups["file"].Value, match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null,
                match.Groups["message"].Value, fileSkipped)
            : new KnowledgeLoadWarning("", null, text, fileSkipped);
    }

    [GeneratedRegex(@"^(?<file>[^:\s][^:]*?)(?::(?<line>\d+))?: (?<message>.+)$", RegexOptions.Singleline)]
    private static partial Regex Shape();
}
