using System.Text;
using FaqBot.Knowledge.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Lucene.Net.Util.Fst;

namespace FaqBot.Knowledge.Search.Queries;

/// <summary>Patient phrases mapped to the words the articles use, read from the staff-editable synonyms file.</summary>
public sealed class SynonymTable
{
    private readonly Dictionary<string, List<string[]>> _byPhrase = new(StringComparer.Ordinal);

    // Most question words start no patient phrase; checking the first word avoids building candidate keys.
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);

    public static SynonymTable Empty { get; } = new();

    public int MaxPhraseWords { get; private set; } = 1;

    public int Count => _byPhrase.Count;

    /// <summary>Expansions for a patient phrase given as tokens, or null.</summary>
    public IReadOnlyList<string[]>? Lookup(IReadOnlyList<string> tokens, int start, int length)
    {
        if (!_firstWords.Contains(tokens[start]))
        {
            return null;
        }

        var key = length == 1 ? tokens[start] : string.Join(' ', tokens.Skip(start).Take(length));
        return _byPhrase.TryGetValue(key, out var expansions) ? expansions : null;
    }

    /// <summary>Reads lines like <c>hurt, sore => pain, discomfort</c> (Solr's synonym format, one-way) with Lucene's
    /// parser; '#' starts a comment; a bad line is reported with its line number, not fatal.</summary>
    public static SynonymTable Parse(IEnumerable<string> lines, ICollection<string>? warnings = null, string source = "synonyms")
    {
        // Lucene's parser stops at a file's first bad line and names the line within what it was given, so it reads
        // one line at a time: staff get every bad line with its number in the file, and the good ones still load.
        var parser = new SolrSynonymParser(dedup: true, expand: false, WordAnalyzer.Words);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (Rule(line) is not { } rule)
            {
                warnings?.Add($"{source}:{number}: expected 'patient words => article words', e.g. 'hurt => pain, discomfort'");
                continue;
            }

            try
            {
                parser.Parse(new StringReader(rule));
            }
            catch (Exception e) when (e is ArgumentException || e.InnerException is ArgumentException)
            {
                warnings?.Add($"{source}:{number}: {(e.InnerException ?? e).Message}");
            }
        }

        return FromMap(parser.Build());
    }

    public static SynonymTable Load(string? path, ICollection<string>? warnings = null) =>
        path is null || !File.Exists(path) ? Empty : Parse(File.ReadLines(path), warnings, Path.GetFileName(path));

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash < 0 ? line : line[..hash];
    }

    // The file's documented arrow is Solr's "=>"; the arrows and separators staff also typed before keep working.
    private static string? Rule(string line)
    {
        foreach (var arrow in new[] { "→", "=>", "->", ":", "=" })
        {
            var at = line.IndexOf(arrow, StringComparison.Ordinal);
            if (at > 0 && at + arrow.Length < line.Length)
            {
                var (left, right) = (line[..at], line[(at + arrow.Length)..]);
                return Lists(left) + " => " + Lists(right);
            }
        }

        return null;
    }

    private static string Lists(string side) =>
        string.Join(", ", side.Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // Lucene's SynonymMap as a dictionary from patient phrase to article phrases: the FST's outputs, decoded as
    // SynonymFilter decodes them. The analyzer looks up every question position, so this is read on each search.
    private static SynonymTable FromMap(SynonymMap map)
    {
        var table = new SynonymTable();
        if (map.Fst is null)
        {
            return table;
        }

        var entries = new Int32sRefFSTEnum<BytesRef>(map.Fst);
        var input = new ByteArrayDataInput();
        var scratch = new BytesRef();
        while (entries.MoveNext())
        {
            var (key, output) = (entries.Current.Input, entries.Current.Output);
            var phrase = new StringBuilder();
            for (var i = 0; i < key.Length; i++)
            {
                phrase.Append(char.ConvertFromUtf32(key.Int32s[key.Offset + i]));
            }

            input.Reset(output.Bytes, output.Offset, output.Length);
            var count = input.ReadVInt32() >>> 1;
            var expansions = new List<string[]>(count);
            for (var i = 0; i < count; i++)
            {
                map.Words.Get(input.ReadVInt32(), scratch);
                expansions.Add(scratch.Utf8ToString().Split(SynonymMap.WORD_SEPARATOR));
            }

            var words = phrase.ToString().Split(SynonymMap.WORD_SEPARATOR);
            table._byPhrase[string.Join(' ', words)] = expansions;
            table._firstWords.Add(words[0]);
            table.MaxPhraseWords = Math.Max(table.MaxPhraseWords, words.Length);
        }

        return table;
    }
}
