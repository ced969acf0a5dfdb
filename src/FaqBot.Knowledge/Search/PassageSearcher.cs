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

    private PassageSearcher(IndexSnapshot snapshot, SynonymTable synonyms, SearchOptions options, ILogger logger)
    {
        (_snapshot, _options, _logger) = (snapshot, options, logger);
        _analyzer = new QueryAnalyzer(snapshot.Vocabulary, synonyms);
        _terms = new PassageTerms?[snapshot.Passages.Length];
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
        var candidates = Candidates(plan);
        if (candidates.Count == 0)
        {
            return SearchResult.Empty;
        }

        var maxBm25 = candidates.Max(c => c.Bm25);
        var scored = new List<(int Row, double Score, double Confidence)>(candidates.Count);
        foreach (var (row, bm25) in candidates)
        {
            var (score, confidence) = Reranker.Score(plan, Terms(row), maxBm25 > 0 ? bm25 / maxBm25 : 0, _snapshot.Passages[row].Ordinal == 0, _snapshot.Passages[row].Id.EndsWith("/1", StringComparison.Ordinal));
            scored.Add((row, score, confidence));
        }

        var hits = scored
            .OrderByDescending(s => s.Score).ThenBy(s => s.Row)
            .Take(limit)
            .Select(s => new SearchHit(_snapshot.Passages[s.Row], Math.Round(s.Score, 4), Math.Round(s.Confidence, 4),
                BestSentence.Pick(Terms(s.Row).Sentences, plan) ?? _snapshot.Passages[s.Row].Text))
            .ToList();
        return new SearchResult(hits, hits[0].Confidence >= _options.AnswerThreshold);
    }

    private List<(int Row, double Bm25)> Candidates(QueryPlan plan)
    {
        var vocabulary = _snapshot.Vocabulary;
        var searchable = plan.Terms.Where(t => t.Stems.Count > 0)
            .Select(t => (Term: t, Df: Math.Min(vocabulary.PassageCount, t.Alternatives.Sum(a => a.Min(vocabulary.DocumentFrequency)))))
            .OrderBy(t => t.Df)
            .ToList();

        var selected = new List<QueryTerm>();
        var rows = 0;
        foreach (var (term, df) in searchable)
        {
            if (selected.Count > 0 && rows + df > _options.CandidateRowBudget)
            {
                break;
            }

            selected.Add(term);
            rows += df;
        }

        var session = _sessions.TryTake(out var pooled) ? pooled : new FtsSession(_snapshot.Path, _options);
        try
        {
            // Even the rarest term is common (a vague question): an AND of the rarest few scores far fewer rows.
            if (rows > _options.CandidateRowBudget && searchable.Count > 1)
            {
                var narrow = session.Query(Match(searchable.Take(3).Select(t => t.Term), "AND"), _options.CandidateLimit);
                if (narrow.Count > 0)
                {
                    return narrow;
                }
            }

            return session.Query(Match(selected, "OR"), _options.CandidateLimit);
        }
        finally
        {
            _sessions.Add(session);
        }
    }

    // bm25 only needs each term's words; whether a synonym phrase's words stand together is checked when re-ranking,
    // which keeps the MATCH expression (and FTS5's work) small.
    // In an OR a stem shared by several terms (a question word that a synonym group repeats) is looked up once: each
    // quoted word costs FTS5 an index seek.
    private string Match(IEnumerable<QueryTerm> terms, string op) => op == "OR"
        ? FtsQuery.Build([terms.SelectMany(t => t.Stems).Distinct().Select(s => (IEnumerable<string>)[_snapshot.Vocabulary.ExampleWord(s)])], op)
        : FtsQuery.Build(terms.Select(t => t.Stems.Select(s => (IEnumerable<string>)[_snapshot.Vocabulary.ExampleWord(s)])), op);

    private PassageTerms Terms(int row)
    {
        if (_terms[row] is { } cached)
        {
            return cached;
        }

        var passage = _snapshot.Passages[row];
        return _terms[row] = new PassageTerms(_snapshot.Vocabulary, passage.Title, passage.HeadingPath, passage.Text);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Question analysed into {Terms} terms, {Unknown} unknown")]
        public static partial void Analysed(ILogger logger, int terms, int unknown);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "FTS5 query failed; returning no answer")]
        public static partial void QueryFailed(ILogger logger, Exception exception);
    }
}

