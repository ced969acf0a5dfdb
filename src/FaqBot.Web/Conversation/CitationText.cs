using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Ingestion;

namespace FaqBot.Web.Conversation;

// Citations are built only from the article's front matter; a field the article does not give is left out, never guessed.
internal static class CitationText
{
    /// <summary>One line under an answer: title, publisher, author or reviewer, date, link (plain text: the address shown).</summary>
    public static string Short(Citation c) => Short(c, linked: false);

    /// <summary>The same line in Markdown for a card: the title links to the source and the address is not spelled out.
    /// Without an address the publisher and author say where it is from.</summary>
    public static string ShortLinked(Citation c) => Short(c, linked: true);

    private static string Short(Citation c, bool linked)
    {
        var title = linked && c.Url.Length > 0 ? $"[{EscapeLinkText(Quote(c.Title))}]({c.Url})" : Quote(c.Title);
        var parts = new List<string> { title };
        AddIf(parts, c.Publisher);
        AddIf(parts, c.Author.Length > 0 ? $"by {c.Author}" : "");
        AddIf(parts, c.ReviewedBy.Length > 0 ? $"medically reviewed by {c.ReviewedBy}" : "");
        AddIf(parts, Date(c));
        AddIf(parts, linked ? "" : c.Url);
        return "Source: " + string.Join(", ", parts) + ".";
    }

    private static string EscapeLinkText(string text) => text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    /// <summary>The full citation for "where is this from?", one field a line.</summary>
    public static string Full(Passage passage)
    {
        var c = passage.Citation;
        var lines = new List<string> { $"This comes from {Quote(c.Title)}." };
        AddLine(lines, "Section", string.Join(" > ", passage.HeadingPath));
        AddLine(lines, "Publisher", c.Publisher);
        AddLine(lines, "Author", c.Author);
        AddLine(lines, "Medically reviewed by", c.ReviewedBy);
        AddLine(lines, "Reviewed on", c.ReviewedOn);
        AddLine(lines, "Published", c.Published);
        AddLine(lines, "Updated", c.Updated);
        AddLine(lines, "Link", c.Url.Length > 0 ? c.Url : "the article has no web address");
        return string.Join("\n", lines);
    }

    private static string Date(Citation c) =>
        c.Updated.Length > 0 ? $"updated {c.Updated}"
        : c.Published.Length > 0 ? $"published {c.Published}"
        : c.ReviewedOn.Length > 0 ? $"reviewed {c.ReviewedOn}"
        : "";

    private static string Quote(string title) => $"\u201C{title}\u201D";

    private static void AddIf(List<string> parts, string value)
    {
        if (value.Length > 0)
        {
            parts.Add(value);
        }
    }

    private static void AddLine(List<string> lines, string label, string value)
    {
        if (value.Length > 0)
        {
            lines.Add($"- {label}: {value}");
        }
    }
}
