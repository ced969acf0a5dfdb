using System.Collections.Concurrent;
using FaqBot.Knowledge.Chunking;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FaqBot.Knowledge.Search;

/// <summary>SQLite FTS5 search over an index file: bm25 candidates from the rarest terms, re-ranked by coverage and headings.</summary>
public sealed partial class PassageSearcher : IPassageSearcher, IDisposable
{
    private readonly IndexSnapshot _snapshot;
    private readonly QueryAnalyzer _analyzer;
    private readonly SearchOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentBag<FtsSession> _sessions = [];
    private readonly PassageTerms?[] _terms;
    private int _warnedRebuilt;

    private PassageSearcher(IndexSnapshot snapshot, SynonymTable synonyms, SearchOptions options, ILogger logger)
    {
        (_snapshot, _options, _logger) = (snapshot, options, logger);
        _analyzer = new QueryAnalyzer(snapshot.Vocabulary, synonyms);
        _terms = new PassageTerms?[snapshot.Passages.Length];

        // One session from the start, so there is always one on the file the snapshot came from (see Rent).
        _sessions.Add(OpenSession() ?? throw new InvalidOperationException($"The index {snapshot.Path} changed while it was being opened; open it again."));
    }

    public Vocabulary Vocabulary => _snapshot.Vocabulary;

    public int PassageCount => _snapshot.Passages.Length;

    public IReadOnlyList<Passage> Passages => _snapshot.Passages;

    /// <summary>Loads passages, citations and vocabulary from the index file into memory; the file stays open for FTS5 queries.</summary>
    public static PassageSearcher Open(string indexPath, SynonymTable? synonyms = null, SearchOptions? options = null, ILogger? logger = null)
    {
        var snapshot = IndexSnapshot.Load(indexPath);
        return new PassageSearcher(snapshot, synonyms ?? SynonymTable.Empty, options ?? new SearchOptions(), logger ?? NullLogger.Instance);
    }

    public QueryPlan Analyze(string question) => _analyzer.Analyze(question);

    public SearchResult Search(string question, int limit = 10)
    {
        try
        {
            var plan = _analyzer.Analyze(question);
            Log.Analysed(_logger, plan.Terms.Count, plan.Terms.Count(t => t.Origin == TermOrigin.Unknown));
            return plan.HasSearchableTerms ? Rank(plan, Math.Clamp(limit, 1, 100)) : SearchResult.Empty;
        }
        catch (SqliteException ex)
        {
            // Quoted vocabulary words should never upset FTS5; if they do, the patient gets "no good answer", not a crash.
            Log.QueryFailed(_logger, ex);
            return SearchResult.Empty;
        }
    }

    public Passage? GetPassage(string passageId) =>
        _snapshot.RowById.TryGetValue(passageId, out var row) ? _snapshot.Passages[row] : null;

    public Passage? GetNextPassage(string passageId) =>
        _snapshot.RowById.TryGetValue(passageId, out var row) && row + 1 < _snapshot.Passages.Length
            && _snapshot.Passages[row + 1].DocId == _snapshot.Passages[row].DocId
            ? _snapshot.Passages[row + 1]
            : null;

    public IReadOnlyList<ArticleSummary> GetArticles() => _snapshot.Articles;

    public void Dispose()
    {
        while (_sessions.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private SearchResult Rank(QueryPlan plan, int limit)
    {
        var (rows, stems) = Candidates(plan);
        if (rows.Count == 0)
        {
            return SearchResult.Empty;
        }

        var bm25 = new double[rows.Count];
        var maxBm25 = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            bm25[i] = Bm25.Score(stems, Terms(rows[i]), _snapshot.Vocabulary);
            maxBm25 = Math.Max(maxBm25, bm25[i]);
        }

        var scored = new (int Row, double Score, double Confidence)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var passage = _snapshot.Passages[rows[i]];
            var (score, confidence) = Reranker.Score(plan, Terms(rows[i]), maxBm25 > 0 ? bm25[i] / maxBm25 : 0, passage.Ordinal == 0, passage.Id.EndsWith("/1", StringComparison.Ordinal));
            scored[i] = (rows[i], score, confidence);
        }

        Array.Sort(scored, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Row.CompareTo(b.Row));
        var hits = new List<SearchHit>(Math.Min(limit, scored.Length));
        foreach (var (row, score, confidence) in scored.AsSpan(0, Math.Min(limit, scored.Length)))
        {
            var terms = Terms(row);
            hits.Add(new SearchHit(_snapshot.Passages[row], Math.Round(score, 4), Math.Round(confidence, 4),
                () => BestSentence.Pick(terms.Sentences, plan) ?? _snapshot.Passages[row].Text));
        }

        return new SearchResult(hits, hits[0].Confidence >= _options.AnswerThreshold);
    }

    // The rows FTS5 matches for the rarest terms, and the stems of that MATCH (what bm25 scores).
    private (List<int> Rows, int[] Stems) Candidates(QueryPlan plan)
    {
        var vocabulary = _snapshot.Vocabulary;
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

        var session = Rent();
        try
        {
            // Even the rarest term is common (a vague question): an AND of the rarest few scores far fewer rows.
            if (budget > _options.CandidateRowBudget && searchable.Count > 1)
            {
                var rarest = searchable.Take(3).Select(t => t.Term).ToList();
                var narrow = Rows(session, Match(rarest, "AND"));
                if (narrow.Count > 0)
                {
                    return (narrow, [.. rarest.SelectMany(t => t.Stems).Distinct()]);
                }
            }

            return (Rows(session, Match(selected, "OR")), [.. selected.SelectMany(t => t.Stems).Distinct()]);
        }
        finally
        {
            _sessions.Add(session);
        }
    }

    private FtsSession Rent()
    {
        if (_sessions.TryTake(out var pooled))
        {
            return pooled;
        }

        if (OpenSession() is { } fresh)
        {
            return fresh;
        }

        // The file was rebuilt (faqbot index) since this searcher loaded it: its rows are other passages now, so
        // this searcher keeps to the sessions it has on the old file until the process restarts.
        if (Interlocked.Exchange(ref _warnedRebuilt, 1) == 0)
        {
            Log.IndexRebuilt(_logger, _snapshot.Path);
        }

        FtsSession? session = null;
        SpinWait.SpinUntil(() => _sessions.TryTake(out session));
        return session!;
    }

    private FtsSession? OpenSession()
    {
        var session = new FtsSession(_snapshot.Path, _options);
        if (session.ContentHash == _snapshot.ContentHash)
        {
            return session;
        }

        session.Dispose();
        return null;
    }

    // Usually every matching row gets re-ranked, and then FTS5 need not rank them; only when more match than we
    // re-rank does its bm25() pick the best.
    private List<int> Rows(FtsSession session, string match)
    {
        var rows = session.Matching(match, _options.CandidateLimit + 1);
        return rows.Count > _options.CandidateLimit ? session.Best(match, _options.CandidateLimit) : rows;
    }

    // A synonym phrase ("active skin infection") matches only rows that have all its words, which keeps the rows that
    // bm25 must score near the document-frequency estimate above; whether the words stand together is checked when
    // re-ranking. In an OR, an alternative that several terms share is looked up once: each quoted word costs FTS5 an
    // index seek.
    private string Match(IEnumerable<QueryTerm> terms, string op)
    {
        IEnumerable<string> Words(int[] phrase) => phrase.Select(_snapshot.Vocabulary.ExampleWord);
        return op == "OR"
            ? FtsQuery.Build([terms.SelectMany(t => t.AlternativeArray).DistinctBy(a => string.Join(' ', a)).Select(Words)], op)
            : FtsQuery.Build(terms.Select(t => t.AlternativeArray.Select(Words)), op);
    }

    private PassageTerms Terms(int row)
    {
        if (_terms[row] is { } cached)
        {
            return cached;
        }

        var passage = _snapshot.Passages[row];
        return _terms[row] = new PassageTerms(_snapshot.Vocabulary, passage.Title, passage.HeadingPath, passage.Text, _options);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Question analysed into {Terms} terms, {Unknown} unknown")]
        public static partial void Analysed(ILogger logger, int terms, int unknown);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "FTS5 query failed; returning no answer")]
        public static partial void QueryFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "The index {Path} was rebuilt while in use; this process keeps answering from the knowledge it loaded until it restarts")]
        public static partial void IndexRebuilt(ILogger logger, string path);
    }
}
