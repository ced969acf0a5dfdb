using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FaqBot.Web.Conversation;

/// <summary>
/// The bot's texts in every language the texts folder holds (one <c>&lt;language&gt;.yaml</c> each), chosen by an
/// activity's <c>locale</c>; English when the patient's language has no file. Every file is checked when loaded: a
/// missing or unknown text, or an unknown placeholder, stops start-up naming the file and the line.
/// </summary>
public sealed class BotTextsCatalog
{
    public const string DefaultLanguage = "en";

    /// <summary>The language the knowledge articles are written in; they are quoted as they are, never translated.</summary>
    public const string ArticleLanguage = "en";

    private readonly IReadOnlyDictionary<string, BotTexts> byLanguage;

    private readonly Dictionary<string, BotTexts>.AlternateLookup<ReadOnlySpan<char>> byLanguageLookup;

    private BotTextsCatalog(IReadOnlyDictionary<string, BotTexts> byLanguage)
    {
        this.byLanguage = byLanguage;
        byLanguageLookup = new Dictionary<string, BotTexts>(byLanguage, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyCollection<string> Languages => [.. byLanguage.Keys];

    public BotTexts Default => byLanguage[DefaultLanguage];

    /// <summary>The texts for a locale such as "es-MX" (its language, "es"), else English.</summary>
    public BotTexts For(string? locale)
    {
        if (!string.IsNullOrWhiteSpace(locale))
        {
            // Every reply asks, so the language is looked up without cutting a new string ("es-MX" → "es").
            var end = locale.AsSpan().IndexOfAny('-', '_');
            var language = end < 0 ? locale.AsSpan() : locale.AsSpan(0, end);
            if (byLanguageLookup.TryGetValue(language, out var texts))
            {
                return texts;
            }
        }

        return Default;
    }

    public static BotTextsCatalog Load(string folder, ClinicOptions clinic)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"{folder}: the bot's texts folder does not exist.");
        }

        var byLanguage = new Dictionary<string, BotTexts>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
            byLanguage[language] = new BotTexts(language, Parse(File.ReadAllText(file), file), clinic);
        }

        if (!byLanguage.ContainsKey(DefaultLanguage))
        {
            throw new InvalidDataException($"{Path.Combine(folder, DefaultLanguage + ".yaml")}: the English texts file is missing; it is the fallback for every other language.");
        }

        return new BotTextsCatalog(byLanguage);
    }

    /// <summary>Reads one texts file: every text present, no unknown key, only the placeholders each text allows.</summary>
    internal static IReadOnlyDictionary<string, string> Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{file}, line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{file}, line 1: expected texts as \"key: text\" lines.");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (!BotTexts.Placeholders.TryGetValue(key, out var allowed))
            {
                throw new InvalidDataException($"{file}, line {keyNode.Start.Line}: \"{key}\" is not a text the bot uses (known: {string.Join(", ", BotTexts.Placeholders.Keys)}).");
            }

            if (valueNode is not YamlScalarNode { Value: { } raw } scalar || string.IsNullOrWhiteSpace(raw))
            {
                throw new InvalidDataException($"{file}, line {keyNode.Start.Line}: the text \"{key}\" is empty.");
            }

            var text = raw.TrimEnd();
            CheckPlaceholders(text, allowed, file, key, FirstLineOf(scalar));
            texts[key] = text;
        }

        var missing = BotTexts.Placeholders.Keys.Where(k => !texts.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{file}, line {root.End.Line}: missing text{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"\"{m}\""))}.");
        }

        return texts;
    }

    private static void CheckPlaceholders(string text, string[] allowed, string file, string key, long firstLine)
    {
        foreach (System.Text.RegularExpressions.Match match in BotTexts.Placeholder().Matches(text))
        {
            var name = match.Groups[1].Value;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var line = firstLine + text.AsSpan(0, match.Index).Count('\n');
                var known = allowed.Length == 0 ? "this text takes none" : "this text takes " + string.Join(", ", allowed.Select(a => "{" + a + "}"));
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{file}, line {line}: unknown placeholder {match.Value} in \"{key}\" ({known})."));
            }
        }
    }

    // A block text ("key: |") starts on the line after its key; a one-line text on the key's own line.
    private static long FirstLineOf(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded ? scalar.Start.Line + 1 : scalar.Start.Line;
}
