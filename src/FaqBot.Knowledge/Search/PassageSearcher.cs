using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using FaqBot.Knowledge.Search.Generations;
using FaqBot.Knowledge.Search.Highlight;
using FaqBot.Knowledge.Search.Queries;
using FaqBot.Knowledge.Search.Ranking;

namespace FaqBot.Knowledge.Search;

/// <summary>Lucene.Net search over an index folder: BM25 candidates from the rarest terms, re-ranked by coverage and
/// headings. Thread-safe; a newer generation of the index (<c>faqbot index</c> under a running bot) is swapped in.</summary>
public sealed partial class PassageSearcher : IPassageSearcher, IDisposable
{
    private const long RefreshCheckMilliseconds = 2000;

    private readonly string _indexPath;
    private readonly SynonymTable _synonyms;
    private readonly SearchOptions _options;
    private readonly ILogger _logger;
    private readonly GenerationManager _generations;
    private long _nextRefreshCheck;
    private int _refreshing;
    private string? _unreadable;

    private PassageSearcher(string indexPath, SynonymTable synonyms, SearchOptions options, ILogger logger, HiddenPassages hidden)
    {
        (_indexPath, _synonyms, _options, _logger, Hidden) = (indexPath, synonyms, options, logger, hidden);
        var folder = IndexFolder.Current(indexPath) ?? throw new FileNotFoundException($"No knowledge index at {indexPath}; build it with 'faqbot index'.", indexPath);
        _generations = new GenerationManager(IndexGeneration.Open(folder, synonyms), Reopen);
        _nextRefreshCheck = Environment.TickCount64 + RefreshCheckMilliseconds;
    }

    public Vocabulary Vocabulary => _generations.Latest.Vocabulary;

    public int PassageCount => _generations.Latest.Passages.Length;

    public IReadOnlyList<Passage> Passages => _generations.Latest.Passages;

    /// <summary>Opens the current generation of the index folder; passages, citations and vocabulary are loaded into memory.</summary>
    /// <param name="hidden">Passages staff took out of answers; search never returns them.</param>
    public static PassageSearcher Open(string indexPath, SynonymTable? synonyms = null, SearchOptions? options = null, ILogger? logger = null, HiddenPassages? hidden = null) =>
        new(indexPath, synonyms ?? SynonymTable.Empty, options ?? new SearchOptions(), logger ?? NullLogger.Instance, hidden ?? HiddenPassages.None);

    /// <summary>Passages staff took out of answers: skipped by search and by "tell me more".</summary>
    public HiddenPassages Hidden { get; }

    public long ResultsVersion => Hidden.Version;

    public QueryPlan Analyze(string question) => _generations.Latest.Analyzer.Analyze(question);

    public SearchResult Search(string question, int limit = 10)
    {
        RefreshSoon();
        var generation = _generations.Acquire();
        try
        {
            var plan = generation.Analyzer.Analyze(question);
            Log.Analysed(_logger, plan.Terms.Count, plan.Terms.Count(t => t.Origin == TermOrigin.Unknown));
            return plan.HasSearchableTerms ? Rank(generation, plan, Math.Clamp(limit, 1, 100)) : SearchResult.Empty;
        }
        catch (Exception e) when (e is BooleanQuery.TooManyClausesException or IOException)
        {
            // Queries are built from index terms only and should never fail; if one does, the patient gets "no good
            // answer", not a crash.
            Log.QueryFailed(_logger, e);
            return SearchResult.Empty;
        }
        finally
        {
            _generations.Release(generation);
        }
    }

    public Passage? GetPassage(string passageId)
    {
        var generation = _generations.Latest;
        return generation.RowById.TryGetValue(passageId, out var row) ? generation.Passages[row] : null;
    }

    public Passage? GetNextPassage(string passageId)
    {
        var generation = _generations.Latest;
        if (!generation.RowById.TryGetValue(passageId, out var row))
        {
            return null;
        }

        for (var next = row + 1; next < generation.Passages.Length && generation.Passages[next].DocId == generation.Passages[row].DocId; next++)
        {
            if (!Hidden.Contains(generation.Passages[next].Id))
            {
                return generation.Passages[next];
            }
        }

        return null;
    }

    public IReadOnlyList<ArticleSummary> GetArticles() => _generations.Latest.Articles;

    /// <summary>Swaps in a newer generation of the index if one was published; searches running on the old one finish there.</summary>
    public bool MaybeRefresh()
    {
        try
        {
            _generations.MaybeRefreshBlocking();
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Log.RefreshFailed(_logger, _indexPath, e);
            return false;
        }
    }

    public void Dispose() => _generations.Dispose();

    // Searches look for a newer generation every couple of seconds, on the thread pool, never holding a patient up.
    private void RefreshSoon()
    {
        var now = Environment.TickCount64;
        if (now < Volatile.Read(ref _nextRefreshCheck) || Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        Volatile.Write(ref _nextRefreshCheck, now + RefreshCheckMilliseconds);
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            try
            {
                MaybeRefresh();
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile.
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        }, null);
    }

    private IndexGeneration? Reopen(IndexGeneration current)
    {
        var folder = IndexFolder.Current(_indexPath);
        if (folder is null || folder == current.Folder || folder == _unreadable)
        {
            return null;
        }

        try
        {
            var next = IndexGeneration.Open(folder, _synonyms);
            Log.IndexSwapped(_logger, folder, next.Passages.Length);
            return next;
        }
        catch
        {
            // Tried once: a generation that cannot be read is not retried every few seconds.
            _unreadable = folder;
            throw;
        }
    }

    private SearchResult Rank(IndexGeneration generation, QueryPlan plan, int limit)
    {
        var candidates = Candidates(generation, plan);
        if (Hidden.Count > 0)
        {
            // Before the scores are normalised: a hidden passage must not change how the others score either.
            candidates = Array.FindAll(candidates, c => !Hidden.Contains(generation.Passages[generation.RowOfDocument[c.Doc]].Id));
        }

        if (candidates.Length == 0)
        {
            return SearchResult.Empty;
        }

        var maxBm25 = 0f;
        foreach (var candidate in candidates)
        {
            maxBm25 = Math.Max(maxBm25, candidate.Score);
        }

        var scored = new (int Row, double Score, double Confidence)[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            var row = generation.RowOfDocument[candidates[i].Doc];
            var passage = generation.Passages[row];
            var (score, confidence) = Reranker.Score(plan, generation.Terms(row), maxBm25 > 0 ? candidates[i].Score / maxBm25 : 0, passage.Ordinal == 0, passage.OpensSection, _options.Ranking);
            scored[i] = (row, score, confidence);
        }

        Array.Sort(scored, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Row.CompareTo(b.Row));
        var hits = new List<SearchHit>(Math.Min(limit, scored.Length));
        foreach (var (row, score, confidence) in scored.AsSpan(0, Math.Min(limit, scored.Length)))
        {
            var terms = generation.Terms(row);
            var passage = generation.Passages[row];
            hits.Add(new SearchHit(passage, Math.Round(score, 4), Math.Round(confidence, 4),
                () => BestSentence.Pick(terms.Sentences, plan) ?? passage.Text));
        }

        return new SearchResult(hits, hits[0].Confidence >= _options.AnswerThreshold);
    }

    // BM25's best passages for the rarest terms. Lucene scores every passage that matches, so the query keeps the
    // rarest terms whose document frequencies add up to the row budget; the others still count when re-ranking.
    private ScoreDoc[] Candidates(IndexGeneration generation, QueryPlan plan)
    {
        var vocabulary = generation.Vocabulary;
        var searchable = plan.Terms.Where(t => t.Stems.Count > 0)
            .Select(t => (Term: t, Df: Math.Min(vocabulary.PassageCount, t.Alternatives.Sum(a => a.Min(vocabulary.DocumentFrequency)))))
            .OrderBy(t => t.Df)
            .ToList();

        var selected = new List<QueryTerm>();
        var budget = 0;
        foreach (var (term, df) in searchable)
        {
            if (selected.Count > 0 && budget + df > _options.CandidateRowBudget)
            {
                break;
            }

            selected.Add(term);
            budget += df;
        }

        // Even the rarest term is common (a vague question): an AND of the rarest few scores far fewer passages.
        if (budget > _options.CandidateRowBudget && searchable.Count > 1)
        {
            var narrow = TopDocs(generation.Searcher, CandidateQuery.All(searchable.Take(3).Select(t => t.Term), vocabulary));
            if (narrow.TotalHits > 0)
            {
                return narrow.ScoreDocs;
            }
        }

        return TopDocs(generation.Searcher, CandidateQuery.Any(selected, vocabulary)).ScoreDocs;
    }

    // An in-order collector: Lucene then scores a disjunction document by document instead of with its out-of-order
    // bulk scorer, which allocates a table of 2,048 buckets for every search (most of a search's garbage, and so of its
    // p99). Scores and tie order (lower document first) are the same either way.
    private TopDocs TopDocs(IndexSearcher searcher, Query query)
    {
        var collector = TopScoreDocCollector.Create(_options.CandidateLimit, docsScoredInOrder: true);
        searcher.Search(query, collector);
        return collector.GetTopDocs();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Question analysed into {Terms} terms, {Unknown} unknown")]
        public static partial void Analysed(ILogger logger, int terms, int unknown);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Lucene query failed; returning no answer")]
        public static partial void QueryFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "A new index generation {Folder} was published; now searching its {Passages} passages")]
        public static partial void IndexSwapped(ILogger logger, string folder, int passages);

        [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "The index {Path} has a new generation that cannot be opened; still searching the previous one")]
        public static partial void RefreshFailed(ILogger logger, string path, Exception exception);
    }
}
