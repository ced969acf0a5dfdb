using System.Reflection;
using System.Text.RegularExpressions;

namespace FaqBot.Web.Tests.Conversation;

// The bundled articles, to check that every answer is quoted from one of them, word for word.
internal static partial class Articles
{
    public static string Root { get; } = typeof(Articles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    private static readonly Lazy<string> AllText = new(() =>
        Normalise(string.Join("\n", Directory.GetFiles(Path.Combine(Root, "knowledge"), "*.md").Select(File.ReadAllText))));

    public static IReadOnlyList<string> Titles { get; } = [.. Directory.GetFiles(Path.Combine(Root, "knowledge"), "*.md")
        .Select(f => File.ReadLines(f).First(l => l.StartsWith("title:", StringComparison.Ordinal))[6..].Trim().Trim('"'))];

    public static bool ContainVerbatim(string passage) => AllText.Value.Contains(Normalise(passage.Replace("**", "")), StringComparison.Ordinal);

    private static string Normalise(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
