using System.Diagnostics;
using System.Text.Json;
using FaqBot.Knowledge.Analysis;
using FaqBot.Knowledge.Chunking;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace FaqBot.Knowledge.Index;

/// <summary>The write side: builds a Lucene index of the passages in a fresh folder and swaps it in, so readers never see half an index.</summary>
public static class PassageIndex
{
    /// <summary>The content hash the index at <paramref name="path"/> was built from, or null when there is no usable index.</summary>
    public static string? ReadContentHash(string path) => ReadMeta(path)?.GetValueOrDefault(IndexSchema.ContentHashKey);

    /// <summary>True when the path holds an index of this schema built from exactly this content.</summary>
    public static bool IsCurrent(string path, string contentHash) =>
        ReadMeta(path) is { } meta && meta.GetValueOrDefault(IndexSchema.SchemaKey) == IndexSchema.Version
        && meta.GetValueOrDefault(IndexSchema.ContentHashKey) == contentHash;

    public static IReadOnlyList<string> ReadWarnings(string path) =>
        ReadMeta(path)?.GetValueOrDefault(IndexSchema.WarningsKey) is { } json ? JsonSerializer.Deserialize<string[]>(json) ?? [] : [];

    /// <summary>When the current generation was published (UTC, from its folder name); null when there is none.</summary>
    public static DateTimeOffset? BuiltAt(string path) =>
        IndexFolder.Current(path) is { } folder && Path.GetFileName(folder) is { Length: > 19 } name
        && DateTime.TryParseExact(name[2..19], "yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;

    public static IndexSummary Build(string path, IReadOnlyList<ChunkedArticle> articles, string contentHash, IReadOnlyList<string> warnings)
    {
        var clock = Stopwatch.StartNew();
        var folder = IndexFolder.NewBuildFolder(path);
        try
        {
            var (words, vocabularyWords) = Write(folder, articles, contentHash, warnings);
            IndexFolder.Publish(path, folder);
            return new IndexSummary(articles.Count, articles.Sum(a => a.Passages.Count), words, vocabularyWords, warnings, clock.Elapsed, Rebuilt: true);
        }
        catch
        {
            IndexFolder.Discard(folder);
            throw;
        }
    }

    private static (long Words, int VocabularyWords) Write(string folder, IReadOnlyList<ChunkedArticle> articles, string contentHash, IReadOnlyList<string> warnings)
    {
        var firstRow = new int[articles.Count];
        for (var i = 1; i < articles.Count; i++)
        {
            firstRow[i] = firstRow[i - 1] + articles[i - 1].Passages.Count;
        }

        var stemmer = new Stemmer();
        long words = 0;
        using var directory = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(WordAnalyzer.Version, new WordAnalyzer(stem: true))
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            // One flush for a large knowledge folder: fewer segments to merge, fewer to search.
            RAMBufferSizeMB = 128,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            // IndexWriter takes documents from several threads; analysis is most of the work.
            Parallel.For(0, articles.Count, () => 0L, (i, _, count) =>
            {
                var row = firstRow[i];
                foreach (var passage in articles[i].Passages)
                {
                    var (document, bodyWords) = PassageDocument.Create(row++, passage, stemmer);
                    writer.AddDocument(document);
                    count += bodyWords;
                }

                return count;
            }, count => Interlocked.Add(ref words, count));

            writer.ForceMerge(1);
            writer.SetCommitData(new Dictionary<string, string>
            {
                [IndexSchema.SchemaKey] = IndexSchema.Version,
                [IndexSchema.ContentHashKey] = contentHash,
                [IndexSchema.BuiltAtKey] = DateTimeOffset.UtcNow.ToString("O"),
                [IndexSchema.WarningsKey] = JsonSerializer.Serialize(warnings),
            });
            writer.Commit();
        }

        return (words, stemmer.WordCount);
    }

    private static Dictionary<string, string>? ReadMeta(string path)
    {
        if (IndexFolder.Current(path) is not { } folder)
        {
            return null;
        }

        try
        {
            using var directory = FSDirectory.Open(folder);
            var infos = new SegmentInfos();
            infos.Read(directory);
            return new Dictionary<string, string>(infos.UserData);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Not an index (or a damaged one; Lucene's CorruptIndexException is an IOException): the caller rebuilds it.
            return null;
        }
    }
}
