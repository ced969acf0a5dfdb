using System.Text;
using FaqBot.Knowledge.Ingestion;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace FaqBot.Knowledge.Clinic;

/// <summary>Reads one clinic fact file: a YAML front matter (title, kind, words, questions) and the fact in Markdown.</summary>
public static class ClinicFactReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly IDeserializer Yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    public static (ClinicFact? Fact, ArticleError? Error) Read(string path, byte[] bytes, string displayName)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, new ArticleError(displayName, 1, "the file is not valid UTF-8; save it as UTF-8"));
        }

        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        if (lines[0].Trim() != "---")
        {
            return (null, new ArticleError(displayName, 1, "the file must start with a front matter block opened by '---'"));
        }

        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            return (null, new ArticleError(displayName, 1, "the front matter opened by '---' on line 1 is never closed by a second '---'"));
        }

        Dto? front;
        try
        {
            front = Yaml.Deserialize<Dto>(string.Join('\n', lines[1..close]));
        }
        catch (YamlException ex)
        {
            var (line, message) = FrontMatterProblem.Describe(ex, lines, firstLine: 2);
            return (null, new ArticleError(displayName, line, message));
        }

        if (front is null || string.IsNullOrWhiteSpace(front.Title))
        {
            return (null, new ArticleError(displayName, 2, "the front matter has no title; add a line title: \"…\""));
        }

        if (!Enum.TryParse<ClinicFactKind>(string.IsNullOrWhiteSpace(front.Kind) ? "fact" : front.Kind.Trim(), ignoreCase: true, out var kind))
        {
            var at = 2 + Array.FindIndex(lines[1..close], l => l.TrimStart().StartsWith("kind", StringComparison.Ordinal));
            return (null, new ArticleError(displayName, at, $"the kind \"{front.Kind}\" is not one of fact, hours, contact, booking"));
        }

        var body = string.Join('\n', lines[(close + 1)..]).Trim();
        if (body.Length == 0)
        {
            return (null, new ArticleError(displayName, close + 2, "the fact has no text after its front matter"));
        }

        var words = Clean(front.Words);
        var questions = Clean(front.Questions);
        if (words.Count == 0 && questions.Count == 0)
        {
            return (null, new ArticleError(displayName, 2, "the fact has neither words: nor questions:, so no message can find it"));
        }

        var id = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        return (new ClinicFact(id, displayName, front.Title.Trim(), kind, body, words, questions), null);
    }

    private static List<string> Clean(List<string?>? values) =>
        (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private sealed class Dto
    {
        [YamlMember(Alias = "title")] public string? Title { get; set; }
        [YamlMember(Alias = "kind")] public string? Kind { get; set; }
        [YamlMember(Alias = "words")] public List<string?>? Words { get; set; }
        [YamlMember(Alias = "questions")] public List<string?>? Questions { get; set; }
    }
}
