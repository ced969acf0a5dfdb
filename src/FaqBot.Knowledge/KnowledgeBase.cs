using System.Diagnostics;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Clinic;
using FaqBot.Knowledge.Index;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using FaqBot.Knowledge.Search.Queries;

namespace FaqBot.Knowledge;

/// <summary>The one way in for the host and the CLI: (re)builds the index when the articles changed and opens the searcher.</summary>
public sealed partial class KnowledgeBase : IDisposable
{
    private KnowledgeBase(PassageSearcher searcher, SentenceEmbedder? embedder, HybridSearcher? hybrid, IndexSummary summary, IReadOnlyList<KnowledgeLoadWarning> warnings,
        ClinicFacts clinic, KnowledgeOptions options)
    {
        (Searcher, Embedder, Hybrid, Summary, LoadWarnings, Clinic, Options) = (searcher, embedder, hybrid, summary, warnings, clinic, options);
        Warnings = [.. warnings.Select(w => w.ToString())];
    }

    /// <summary>The lexical engine (Lucene.Net) alone.</summary>
    public PassageSearcher Searcher { get; }

    /// <summary>Lexical and semantic search fused; null when <see cref="KnowledgeOptions.Semantic"/> is off.</summary>
    public HybridSearcher? Hybrid { get; }

    /// <summary>What the bot and the CLI search with: the fused search when semantic search is on, else the lexical one.</summary>
    public IPassageSearcher Search => Hybrid ?? (IPassageSearcher)Searcher;

    /// <summary>The sentence-embedding model, shared by semantic search and the semantic urgent net; null when
    /// <see cref="KnowledgeOptions.Semantic"/> is off.</summary>
    public SentenceEmbedder? Embedder { get; }

    public IndexSummary Summary { get; }

    /// <summary>Articles that failed to load and bad synonym lines, each naming its file and line.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Every problem found while loading, with its file and line, in words clinic staff understand (for the
    /// staff console, <c>/readyz</c> and <c>faqbot index</c>).</summary>
    public IReadOnlyList<KnowledgeLoadWarning> LoadWarnings { get; }

    /// <summary>The files left out because they could not be read (broken front matter, not UTF-8, ...): the bot
    /// answers from the rest, but staff must fix these.</summary>
    public IReadOnlyList<string> FailedFiles => [.. LoadWarnings.Where(w => w.FileSkipped).Select(w => w.File).Distinct(StringComparer.Ordinal)];

    /// <summary>The clinic's own facts (<c>knowledge/clinic/</c>); none when the folder is missing.</summary>
    public ClinicFacts Clinic { get; }

    public KnowledgeOptions Options { get; }

    /// <summary>Passages staff took out of answers (knowledge/hidden-passages.yaml); search skips them.</summary>
    public HiddenPassages Hidden => Searcher.Hidden;

    /// <summary>When the index in use was built (UTC); null when its folder does not say.</summary>
    public DateTimeOffset? IndexBuiltAt => PassageIndex.BuiltAt(Options.IndexPath);

    /// <summary>Opens the knowledge base at the (absolute) paths in <paramref name="options"/>, rebuilding the index
    /// when it is missing, of another schema, or built from other content.</summary>
    /// <param name="embeddingProgress">Told how many passages have their vectors, while the vectors are rebuilt.</param>
    public static Task<KnowledgeBase> OpenAsync(KnowledgeOptions options, ILogger? logger = null, bool forceRebuild = false, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default, IProgress<int>? embeddingProgress = null) =>
        Task.Run(() => Open(options, logger ?? NullLogger.Instance, forceRebuild, progress, embeddingProgress), cancellationToken);

    /// <summary>Reads, chunks and indexes a folder unconditionally.</summary>
    public static IndexSummary Build(string folder, string indexPath, IProgress<int>? progress = null) => BuildIndex(folder, indexPath, progress).Summary;

    // The chunked articles come back too: the passage vectors, rebuilt with the index, need the same passages.
    private static (IndexSummary Summary, IReadOnlyList<ChunkedArticle> Articles) BuildIndex(string folder, string indexPath, IProgress<int>? progress)
    {
        var clock = Stopwatch.StartNew();
        var knowledge = KnowledgeFolder.Read(folder, progress);
        var chunked = new ChunkedArticle[knowledge.Articles.Count];
        Parallel.For(0, chunked.Length, i => chunked[i] = PassageChunker.Chunk(knowledge.Articles[i]));
        var warnings = knowledge.Errors.Select(e => e.ToString()).ToList();
        var summary = PassageIndex.Build(indexPath, chunked, knowledge.ContentHash, warnings);
        return (summary with { Elapsed = clock.Elapsed }, chunked);
    }

    // The embedder is the process's (SentenceEmbedder.Shared), not this knowledge base's.
    public void Dispose() => Searcher.Dispose();

    private static KnowledgeBase Open(KnowledgeOptions options, ILogger logger, bool forceRebuild, IProgress<int>? progress, IProgress<int>? embeddingProgress)
    {
        var clock = Stopwatch.StartNew();
        IndexSummary summary;
        IReadOnlyList<ChunkedArticle>? chunked = null;
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

            (summary, chunked) = BuildIndex(options.Path, options.IndexPath, progress);
            Log.IndexBuilt(logger, options.IndexPath, summary.Articles, summary.Passages, summary.Warnings.Count, (long)summary.Elapsed.TotalMilliseconds);
        }

        // The index keeps the articles that failed to load; everything else is found again at every start.
        var warnings = summary.Warnings.ToList();
        var clinicErrors = new List<ArticleError>();
        var clinicFacts = string.IsNullOrWhiteSpace(options.ClinicFolder) ? [] : ClinicFacts.Read(options.ClinicFolder, clinicErrors);
        warnings.AddRange(clinicErrors.Select(e => e.ToString()));
        var skipped = warnings.Count;
        var synonyms = SynonymTable.Load(string.IsNullOrWhiteSpace(options.SynonymsFile) ? null : options.SynonymsFile, warnings);
        var hidden = HiddenPassages.Load(options.Path, warnings);
        foreach (var warning in warnings)
        {
            Log.LoadWarning(logger, warning);
        }

        PassageSearcher searcher;
        try
        {
            searcher = PassageSearcher.Open(options.IndexPath, synonyms, options.ToSearchOptions(), logger, hidden);
        }
        catch (Exception e) when (!summary.Rebuilt && e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Its commit said current, but a file of it is damaged: build it again rather than refuse to start.
            Log.IndexUnreadable(logger, options.IndexPath, e);
            (summary, chunked) = BuildIndex(options.Path, options.IndexPath, progress);
            searcher = PassageSearcher.Open(options.IndexPath, synonyms, options.ToSearchOptions(), logger, hidden);
        }

        if (!summary.Rebuilt)
        {
            summary = summary with { Articles = searcher.GetArticles().Count, Passages = searcher.PassageCount, VocabularyWords = searcher.Vocabulary.WordCount };
        }

        if (!options.Semantic)
        {
            return new KnowledgeBase(searcher, null, null, summary, Structured(warnings, skipped), new ClinicFacts(clinicFacts), options);
        }

        var embedder = SentenceEmbedder.Shared(options.ModelCacheFolderOrDefault);
        var vectors = OpenVectors(options, hash, searcher, chunked, embedder, logger, warnings, embeddingProgress);
        var notCovered = string.IsNullOrWhiteSpace(options.NotCoveredFile) ? [] : NotCoveredExamples.Load(options.NotCoveredFile);
        var hybrid = new HybridSearcher(searcher, vectors, embedder, KeptQueryVectors.Embed(embedder, notCovered));
        return new KnowledgeBase(searcher, embedder, hybrid, summary, Structured(warnings, skipped), new ClinicFacts(clinicFacts, embedder, MedicalQuestions(searcher, vectors, embedder, clinicFacts.Count)), options);
    }

    // What a clinic question must read less like: the patient questions the articles answer, and the articles' titles
    // (a folder without questions, such as MedQuAD, has question-like titles). Nothing to embed without clinic facts.
    private const int MaxTitles = 2000;

    private static float[][] MedicalQuestions(PassageSearcher searcher, PassageVectors vectors, SentenceEmbedder embedder, int facts) => facts == 0 ? [] :
    [
        .. vectors.QuestionVectors,
        .. KeptQueryVectors.Embed(embedder, [.. searcher.GetArticles().Select(a => a.Citation.Title).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTitles)]),
    ];

    // The first <paramref name="skipped"/> warnings name files left out whole; the rest, lines or parts ignored.
    private static List<KnowledgeLoadWarning> Structured(List<string> warnings, int skipped) =>
        [.. warnings.Select((w, i) => KnowledgeLoadWarning.Parse(w, fileSkipped: i < skipped))];

    /// <summary>The vectors file beside the index: reused when it was made for this content, else rebuilt, embedding
    /// only the passages and questions whose text changed.</summary>
    public static string VectorsPath(KnowledgeOptions options) => options.IndexPath.TrimEnd('/', '\\') + ".vectors";

    /// <param name="chunked">The articles as just indexed, when the index was rebuilt; else they are read again.</param>
    private static PassageVectors OpenVectors(KnowledgeOptions options, string contentHash, PassageSearcher searcher, IReadOnlyList<ChunkedArticle>? chunked,
        SentenceEmbedder embedder, ILogger logger, List<string> warnings, IProgress<int>? progress)
    {
        var path = VectorsPath(options);
        var existing = PassageVectors.Load(path);
        if (existing is not null && existing.ContentHash == contentHash && existing.Count == searcher.PassageCount)
        {
            return existing;
        }

        var clock = Stopwatch.StartNew();
        chunked ??= KnowledgeFolder.Read(options.Path).Articles.Select(a => PassageChunker.Chunk(a)).ToList();
        var articles = chunked.Select(c => (c.Article, c.Passages)).ToList();
        var questionWarnings = new List<string>();
        var questions = SectionQuestions.ByPassage(articles, embedder, questionWarnings);
        foreach (var warning in questionWarnings)
        {
            Log.LoadWarning(logger, warning);
            warnings.Add(warning);
        }

        var vectors = PassageVectors.Build(articles.SelectMany(a => a.Passages).ToList(), questions, embedder, contentHash, existing, progress);
        vectors.Save(path);
        Log.VectorsBuilt(logger, path, vectors.Count, vectors.Embedded, (long)clock.Elapsed.TotalMilliseconds);
        return vectors;
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

        [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Built passage vectors {Path}: {Passages} passages, {Embedded} texts embedded (the rest unchanged) in {ElapsedMs} ms")]
        public static partial void VectorsBuilt(ILogger logger, string path, int passages, int embedded, long elapsedMs);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Knowledge warning: {Warning}")]
        public static partial void LoadWarning(ILogger logger, string warning);
    }
}
