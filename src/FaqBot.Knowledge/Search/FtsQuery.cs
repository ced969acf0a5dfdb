using System.Text;

namespace FaqBot.Knowledge.Search;

/// <summary>Builds FTS5 MATCH text from vocabulary words only, each double-quoted, so user text can never be FTS5 syntax.</summary>
public static class FtsQuery
{
    public static string Quote(string word) => "\"" + word.Replace("\"", "\"\"") + "\"";

    /// <summary>Terms joined by <paramref name="op"/> ("OR"/"AND"); a term matches any of its alternatives, an
    /// alternative all of its words (a synonym phrase; the re-ranker checks they stand together).</summary>
    public static string Build(IEnumerable<IEnumerable<IEnumerable<string>>> terms, string op)
    {
        var builder = new StringBuilder();
        foreach (var alternatives in terms)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ').Append(op).Append(' ');
            }

            builder.Append('(').AppendJoin(" OR ", alternatives.Select(words => "(" + string.Join(" AND ", words.Select(Quote)) + ")")).Append(')');
        }

        return builder.ToString();
    }
}
