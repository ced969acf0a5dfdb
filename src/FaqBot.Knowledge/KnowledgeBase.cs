using System.Diagnostics;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Index;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Knowledge;

/// <summary>The one way in for the host and the CLI: (re)builds the index when the articles changed and opens the searcher.</summary>
public sealed partial class KnowledgeBase : IDisposable
{
    private KnowledgeBase(PassageSearcher searcher, SentenceEmbedder? embedder, IndexSummary summary, IReadOnlyList<string> warnings, KnowledgeOptions options)
    {
        (Searcher, Embedder, Summary, Warnings, Options) = (searcher, embedder, summary, warnings, options);
    }

    public PassageSearcher Searcher { get; }

    /// <summary>The sentence-embedding model, shared by semantic search and the semantic urgent net; null when
    /// <see cref="KnowledgeOptions.Semantic"/> is off.</summary>
    public SentenceEmbedder? Embedder { get; }

    public IndexSummary Summary { get; }

    /// <summary>Articles that failed to load and bad synonym lines, each naming its file and line.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public KnowledgeOptions Options { get; }

    /// <summary>Opens the knowledge base at the (absolute) paths in <paramref name="options"/>, rebuilding the index
    /// when it is missing, of another schema, or built from other content.</summary>
    public static Task<KnowledgeBase> OpenAsync(KnowledgeOptions options, ILogger? logger = null, bool forceRebuild = false, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Open(options, logger ?? NullLogger.Instance, forceRebuild, progress), cancellationToken);

    /// <summary>Reads, chunks and indexes a folder unconditionally.</summary>
    public static IndexSummary Build(string folder, string indexPath, IProgress<int>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var knowledge = KnowledgeFolder.Read(folder, progress);
        var chunked = new ChunkedArticle[knowledge.Articles.Count];
        Parallel.For(0, chunked.Length, i => chunked[i] = PassageChunker.Chunk(knowledge.Articles[i]));
        var warnings = knowledge.Errors.Select(e => e.ToString()).ToList();
        var summary = PassageIndex.Build(indexPath, chunked, knowledge.ContentHash, warnings);
        return summary with { Elapsed = clock.Elapsed };
    }

    // The embedder is the process's (SentenceEmbedder.Shared), not this knowledge base's.
    public void Dispose() => Searcher.Dispose();

    private static KnowledgeBase Open(KnowledgeOptions options, ILogger logger, bool forceRebuild, IProgress<int>? progress)
    {
        var clock = Stopwatch.StartNew();
        IndexSummary summary;
        var hash = KnowledgeFolder.HashContent(options.Path);
        if (!forceRebuild && PassageIndex.IsCurrent(options.IndexPath, hash))
        {
            summary = new IndexSummary(0, 0, 0, 0, PassageIndex.ReadWarnings(options.IndexPath), clock.Elapsed, Rebuilt: false);
            Log.IndexReused(logger, options.IndexPath);
        }
        else
        {
            if (!forceRebuild && (File.Exists(options.IndexPath) || Directory.Exists(options.IndexPath)) && PassageIndex.ReadContentHash(options.IndexPath) is null)
            {
                Log.IndexUnusable(logger, options.IndexPath);
            }

            summary = Build(options.Path, options.IndexPath, progress);
            Log.IndexBuilt(logger, options.IndexPath, summary.Articles, summary.Passages, summary.Warnings.Count, (long)summary.Elapsed.TotalMilliseconds);
        }

        var warnings = summary.Warnings.ToList();
        var synonyms = SynonymTable.Load(string.IsNullOrWhiteSpace(options.SynonymsFile) ? null : options.SynonymsFile, warnings);
        foreach (var warning in warnings)
        {
            Log.LoadWarning(logger, warning);
        }

        PassageSearcher searcher;
        try
        {
            searcher = PassageSearcher.Open(options.IndexPath, synonyms, options.ToSearchOptions(), logger);
        }
        catch (Exception e) when (!summary.Rebuilt && e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Its commit said current, but a file of it is damaged: build it again rather than refuse to start.
            Log.IndexUnreadable(logger, options.IndexPath, e);
            summary = Build(options.Path, options.IndexPath, progress);
            searcher = PassageSearcher.Open(options.IndexPath, synonyms, options.ToSearchOptions(), logger);
        }

        if (!summary.Rebuilt)
        {
            summary = summary with { Articles = searcher.GetArticles().Count, Passages = searcher.PassageCount, VocabularyWords = searcher.Vocabulary.WordCount };
        }

        var embedder = options.Semantic ? SentenceEmbedder.Shared(options.ModelCacheFolderOrDefault) : null;
        return new KnowledgeBase(searcher, embedder, summary, warnings, options);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Knowledge index {Path} is current; reusing it")]
        public static partial void IndexReused(ILogger logger, string path);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Built knowledge index {Path}: {Articles} articles, {Passages} passages, {Warnings} warnings in {ElapsedMs} ms")]
        public static partial void IndexBuilt(ILogger logger, string path, int articles, int passages, int warnings, long elapsedMs);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Knowledge index {Path} is missing a valid commit (damaged, half-written or of the old SQLite engine); rebuilding it")]
        public static partial void IndexUnusable(ILogger logger, string path);

        [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Knowledge index {Path} cannot be opened; rebuilding it")]
        public static partial void IndexUnreadable(ILogger logger, string path, Exception exception);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Knowledge warning: {Warning}")]
        public static partial void LoadWarning(ILogger logger, string warning);
    }
}
