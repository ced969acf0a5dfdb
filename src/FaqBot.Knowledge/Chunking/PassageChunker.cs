using System.Text.RegularExpressions;
using FaqBot.Knowledge.Ingestion;
using Markdig;
using Markdig.Syntax;

namespace FaqBot.Knowledge.Chunking;

/// <summary>Cuts an article into heading-aware passages of whole sentences; docs/search.md "Chunking" explains the rules.</summary>
public static partial class PassageChunker
{
    private static readonly HashSet<string> ReferenceHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "references", "sources", "additional reading", "further reading", "bibliography", "citations", "reference list",
    };

    public static ChunkedArticle Chunk(Article article, ChunkingOptions? options = null)
    {
        options ??= ChunkingOptions.Default;
        var document = Markdown.Parse(article.Body);
        var sections = new List<Section>();
        var references = new List<string>();
        var path = new List<(int Level, string Text)>();
        var current = new Section([]);
        sections.Add(current);
        var referenceLevel = 0;
        Block? previous = null;

        foreach (var block in document)
        {
            var source = article.Body.Substring(block.Span.Start, block.Span.Length);
            if (block is HeadingBlock heading)
            {
                var text = HeadingText(source);
                if (referenceLevel > 0 && heading.Level > referenceLevel)
                {
                    continue;
                }

                referenceLevel = ReferenceHeadings.Contains(text.TrimEnd(':')) ? heading.Level : 0;
                path.RemoveAll(h => h.Level >= heading.Level);
                path.Add((heading.Level, text));
                current = new Section(path.Select(h => h.Text).ToList());
                sections.Add(current);
                previous = block;
                continue;
            }

            if (referenceLevel > 0)
            {
                references.AddRange(block is ListBlock list ? ListItems(list, article.Body) : [Inline(source)]);
                continue;
            }

            switch (block)
            {
                case ListBlock list:
                    AddList(current, ListItems(list, article.Body), previous is ParagraphBlock, options.MaxWords);
                    break;
                case ThematicBreakBlock or HtmlBlock or LinkReferenceDefinitionGroup:
                    break;
                default:
                    AddParagraph(current, Inline(source));
                    break;
            }

            previous = block;
        }

        return new ChunkedArticle(article, Pack(article, sections, options), references);
    }

    private static void AddParagraph(Section section, string text)
    {
        var first = true;
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            section.Units.Add(new Unit(sentence, first ? "\n\n" : " ", first));
            first = false;
        }
    }

    // The sentence just before a list introduces it, so the two travel together; long lists split between items.
    private static void AddList(Section section, IReadOnlyList<string> items, bool afterParagraph, int maxWords)
    {
        Unit? leadIn = null;
        if (afterParagraph && section.Units.Count > 0)
        {
            leadIn = section.Units[^1];
            section.Units.RemoveAt(section.Units.Count - 1);
        }

        var text = leadIn?.Text ?? "";
        var separator = leadIn?.Separator ?? "\n\n";
        var startsParagraph = leadIn?.StartsParagraph ?? true;
        var words = leadIn?.WordCount ?? 0;
        foreach (var item in items)
        {
            var line = "- " + item;
            var lineWords = Words(line);
            if (text.Length > 0 && words + lineWords > maxWords)
            {
                section.Units.Add(new Unit(text, separator, startsParagraph));
                (text, separator, startsParagraph, words) = (line, "\n", false, lineWords);
            }
            else
            {
                (text, words) = (text.Length == 0 ? line : text + "\n" + line, words + lineWords);
            }
        }

        if (text.Length > 0)
        {
            section.Units.Add(new Unit(text, separator, startsParagraph));
        }
    }

    private static List<Passage> Pack(Article article, List<Section> sections, ChunkingOptions options)
    {
        var passages = new List<Passage>();
        var usedSlugs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in sections.Where(s => s.Units.Count > 0))
        {
            var slug = section.Headings.Count == 0 ? "intro" : Slug.From(section.Headings[^1]);
            usedSlugs[slug] = usedSlugs.GetValueOrDefault(slug) + 1;
            if (usedSlugs[slug] > 1)
            {
                slug = $"{slug}-{usedSlugs[slug]}";
            }

            var chunks = Group(section.Units, options);
            for (var i = 0; i < chunks.Count; i++)
            {
                var id = $"{article.DocId}/{slug}/{i + 1}";
                passages.Add(new Passage(id, article.DocId, section.Headings, passages.Count, chunks[i], article.Citation));
            }
        }

        return passages;
    }

    // Aim for equal-sized chunks, preferring to break where a paragraph starts; never exceed the maximum
    // except for a single over-long sentence, and fold a short tail into the chunk before it when it fits.
    private static List<string> Group(List<Unit> units, ChunkingOptions options)
    {
        var total = units.Sum(u => u.WordCount);
        var count = Math.Max(1, (int)Math.Ceiling(total / (double)options.MaxWords));
        var target = total / (double)count;
        var groups = new List<List<Unit>> { new() };
        var words = 0;
        foreach (var unit in units)
        {
            var size = unit.WordCount;
            var full = words + size > options.MaxWords || (words >= target && unit.StartsParagraph);
            if (groups[^1].Count > 0 && full)
            {
                groups.Add([]);
                words = 0;
            }

            groups[^1].Add(unit);
            words += size;
        }

        if (groups.Count > 1 && Words(groups[^1]) < options.MinWords && Words(groups[^1]) + Words(groups[^2]) <= options.MaxWords)
        {
            groups[^2].AddRange(groups[^1]);
            groups.RemoveAt(groups.Count - 1);
        }

        return groups.Select(g => string.Concat(g.Select((u, i) => i == 0 ? u.Text : u.Separator + u.Text))).ToList();
    }

    private static int Words(List<Unit> units) => units.Sum(u => u.WordCount);

    internal static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w != "-");

    private static IReadOnlyList<string> ListItems(ListBlock list, string body) =>
        list.OfType<ListItemBlock>()
            .Select(item => Inline(body.Substring(item.Span.Start, item.Span.Length)))
            .Select(text => ListMarker().Replace(text, ""))
            .Where(text => text.Length > 0)
            .ToList();

    private static string HeadingText(string source) => Inline(source.TrimStart('#').TrimEnd('#'));

    // Markdown links read as their text; line breaks inside a paragraph are just spaces.
    private static string Inline(string source) =>
        Spaces().Replace(Link().Replace(source, "$1"), " ").Trim();

    private sealed record Section(List<string> Headings)
    {
        public List<Unit> Units { get; } = [];
    }

    private sealed record Unit(string Text, string Separator, bool StartsParagraph)
    {
        public int WordCount { get; } = Words(Text);
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();
}
