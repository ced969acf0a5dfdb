using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace FaqBot.Knowledge.Ingestion;

/// <summary>Reads one Markdown article with YAML front matter, reporting what is wrong with it as a value.</summary>
public static class ArticleReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly IDeserializer Yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    public static (Article? Article, ArticleError? Error) Read(string path, byte[] bytes, string? displayName = null)
    {
        var file = displayName ?? path;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = ex.Index < 0 ? 1 : 1 + bytes.AsSpan(0, Math.Min(ex.Index, bytes.Length)).Count((byte)'\n');
            return (null, new ArticleError(file, line, "the file is not valid UTF-8; save it as UTF-8"));
        }

        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n");
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return (null, new ArticleError(file, 1, "the file must start with a YAML front matter block opened by '---'"));
        }

        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
        {
            return (null, new ArticleError(file, 1, "the front matter opened by '---' on line 1 is never closed by a second '---'"));
        }

        FrontMatter? front;
        try
        {
            front = Yaml.Deserialize<FrontMatter>(string.Join('\n', lines[1..close]));
        }
        catch (YamlException ex)
        {
            // The block starts on file line 2.
            var (line, message) = FrontMatterProblem.Describe(ex, lines, firstLine: 2);
            return (null, new ArticleError(file, line, message));
        }

        if (front is null || string.IsNullOrWhiteSpace(front.Title))
        {
            return (null, new ArticleError(file, 2, "the front matter has no title; add a line title: \"…\""));
        }

        var body = string.Join('\n', lines[(close + 1)..]);
        if (body.Split('\n').All(l => string.IsNullOrWhiteSpace(l) || l.TrimStart().StartsWith('#')))
        {
            return (null, new ArticleError(file, close + 2, "the article has no text after its front matter"));
        }

        var docId = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var language = string.IsNullOrWhiteSpace(front.Language) ? "en" : front.Language.Trim();
        return (new Article(docId, file, front.ToCitation(), language, body, close + 2, front.SectionQuestions()), null);
    }
}
