using System.Diagnostics;
using System.Text.Json;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Search;
using Microsoft.Data.Sqlite;

namespace FaqBot.Knowledge.Index;

/// <summary>The write side: builds the SQLite FTS5 index file aside and swaps it in, so readers never see half an index.</summary>
public static class PassageIndex
{
    public static string ConnectionString(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();

    /// <summary>The content hash the index at <paramref name="path"/> was built from, or null when there is no usable index.</summary>
    public static string? ReadContentHash(string path) => ReadMeta(path, "content_hash");

    /// <summary>True when the file is an index of this schema built from exactly this content.</summary>
    public static bool IsCurrent(string path, string contentHash) =>
        ReadMeta(path, "schema") == IndexSchema.Version && ReadContentHash(path) == contentHash;

    public static IReadOnlyList<string> ReadWarnings(string path) =>
        ReadMeta(path, "warnings") is { } json ? JsonSerializer.Deserialize<string[]>(json) ?? [] : [];

    public static IndexSummary Build(string path, IReadOnlyList<ChunkedArticle> articles, string contentHash, IReadOnlyList<string> warnings)
    {
        var clock = Stopwatch.StartNew();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var building = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.building");
        try
        {
            var (words, vocabularyWords) = Write(building, articles, contentHash, warnings);

            // rename(2) replaces the old file atomically; open readers keep the old inode until they close.
            File.Move(building, path, overwrite: true);
            return new IndexSummary(articles.Count, articles.Sum(a => a.Passages.Count), words, vocabularyWords, warnings, clock.Elapsed, Rebuilt: true);
        }
        finally
        {
            File.Delete(building);
            File.Delete(building + "-journal");
        }
    }

    private static (long Words, int VocabularyWords) Write(string file, IReadOnlyList<ChunkedArticle> articles, string contentHash, IReadOnlyList<string> warnings)
    {
        using var connection = new SqliteConnection(ConnectionString(file, SqliteOpenMode.ReadWriteCreate));
        connection.Open();

        // The file is private until the rename, so a crash mid-build only leaves garbage: no journal needed.
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536;");
        Execute(connection, IndexSchema.Create);
        using var transaction = connection.BeginTransaction();
        var (wordDf, totalWords) = CountWords(articles);
        using (var writer = new IndexWriter(connection, transaction))
        {
            var row = 0;
            foreach (var chunked in articles)
            {
                writer.AddArticle(chunked);
                foreach (var passage in chunked.Passages)
                {
                    writer.AddPassage(++row, passage);
                }
            }

            writer.AddWords(wordDf);
        }

        Execute(connection, "INSERT INTO passages_fts(passages_fts) VALUES('optimize');", transaction);
        using (var meta = connection.CreateCommand())
        {
            meta.Transaction = transaction;
            meta.CommandText = "INSERT INTO meta(key, value) VALUES ('content_hash', $hash), ('schema', $schema), ('built_at', $at), ('warnings', $warnings);";
            meta.Parameters.AddWithValue("$hash", contentHash);
            meta.Parameters.AddWithValue("$schema", IndexSchema.Version);
            meta.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            meta.Parameters.AddWithValue("$warnings", JsonSerializer.Serialize(warnings));
            meta.ExecuteNonQuery();
        }

        transaction.Commit();
        Execute(connection, "PRAGMA journal_mode=DELETE;");
        return (totalWords, wordDf.Count);
    }

    // Each word's passage count (title and headings included), for spelling correction; tokenizing is the
    // costly part, so articles are counted in parallel and merged.
    private static (Dictionary<string, int> WordDf, long TotalWords) CountWords(IReadOnlyList<ChunkedArticle> articles)
    {
        var partials = articles.AsParallel().Select(chunked =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            long words = 0;
            foreach (var passage in chunked.Passages)
            {
                var tokens = Tokenizer.Words(passage.Text);
                words += tokens.Count;
                var distinct = new HashSet<string>(tokens, StringComparer.Ordinal);
                distinct.UnionWith(Tokenizer.Words(passage.Title));
                distinct.UnionWith(passage.HeadingPath.SelectMany(h => Tokenizer.Words(h)));
                foreach (var word in distinct)
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }

            return (counts, words);
        }).ToList();

        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (counts, _) in partials)
        {
            foreach (var (word, count) in counts)
            {
                total[word] = total.GetValueOrDefault(word) + count;
            }
        }

        return (total, partials.Sum(p => p.words));
    }

    /// <summary>What the index file on this open connection was built from (a searcher checks it on every connection).</summary>
    internal static string? ReadContentHash(SqliteConnection connection) => ReadMeta(connection, "content_hash");

    private static string? ReadMeta(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private static string? ReadMeta(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var connection = new SqliteConnection(ConnectionString(path, SqliteOpenMode.ReadOnly));
            connection.Open();
            return ReadMeta(connection, key);
        }
        catch (SqliteException)
        {
            // Not an index (or a damaged one): the caller rebuilds it.
            return null;
        }
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
