using System.Text;

namespace FaqBot.Knowledge.Search;

/// <summary>Builds FTS5 MATCH text from vocabulary words only, each double-quoted, so user text can never be FTS5 syntax.</summary>
public static class FtsQuery
{
    public static string Quote(string word) => "\"" + word.Replace("\"", "\"\"") + "\"";

    /// <summary>Terms joined by <paramref name="op"/> ("OR"/"AND"), each term's alternatives by OR.</summary>
    public static string Build(IEnumerable<IEnumerable<string>> termAlternatives, string op)
    {
        var builder = new StringBuilder();
        foreach (var alternatives in termAlternatives)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ').Append(op).Append(' ');
            }

            builder.Append('(').AppendJoin(" OR ", alternatives.Select(Quote)).Append(')');
        }

        return builder.ToString();
    }
}
