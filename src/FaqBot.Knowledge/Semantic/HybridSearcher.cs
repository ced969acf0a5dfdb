using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Search;

namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// Lexical and semantic search fused: the lexical engine's candidates and confidences, and every passage's similarity
/// to the question by meaning (its text, and the patient questions its section carries). Passages are ranked by a
/// weighted sum of the two, and the decision model turns the best one's signals into the confidence the answer
/// threshold reads.
/// </summary>
public sealed class HybridSearcher : IPassageSearcher
{
    private readonly PassageSearcher _lexical;
    private readonly SentenceEmbedder _embedder;
    private readonly IReadOnlyList<Passage> _passages;
    private readonly float[][] _texts;
    private readonly float[][][] _questions;
    private readonly FusionWeights _weights;
    private readonly DecisionModel _model;
    private readonly double _threshold;

    public HybridSearcher(PassageSearcher lexical, PassageVectors vectors, SentenceEmbedder embedder, double threshold,
        FusionWeights? weights = null, DecisionModel? model = null)
    {
        (_lexical, _embedder, _threshold) = (lexical, embedder, threshold);
        _weights = weights ?? FusionWeights.Default;
        _model = model ?? DecisionModel.Default;
        _passages = lexical.Passages;
        _texts = new float[_passages.Count][];
        _questions = new float[_passages.Count][][];
        for (var i = 0; i < _passages.Count; i++)
        {
            var vector = vectors[_passages[i].Id] ?? throw new InvalidDataException($"No vectors for passage {_passages[i].Id}; rebuild them.");
            _texts[i] = vector.Text;
            _questions[i] = vector.Questions.Select(q => q.Vector).ToArray();
        }
    }

    public PassageSearcher Lexical => _lexical;

    public SearchResult Search(string question, int limit = 10)
    {
        var ranked = Rank(question, Math.Clamp(limit, 1, 100));
        if (ranked.Count == 0)
        {
            return SearchResult.Empty;
        }

        return new SearchResult(ranked.Select(r => r.Hit).ToList(), ranked[0].Hit.Confidence >= _threshold);
    }

    /// <summary>The ranked candidates with the signals the decision model reads; for fitting and <c>ask --explain</c>.</summary>
    public IReadOnlyList<(SearchHit Hit, DecisionSignals Signals)> Rank(string question, int limit = 10)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return [];
        }

        var lexical = _lexical.Search(question, LexicalCandidates);
        var lexicalById = new Dictionary<string, (int Rank, SearchHit Hit)>(StringComparer.Ordinal);
        for (var i = 0; i < lexical.Hits.Count; i++)
        {
            lexicalById[lexical.Hits[i].Passage.Id] = (i, lexical.Hits[i]);
        }

        var query = _embedder.EmbedQuery(question);
        var scored = new (int Index, double Fused, double Text, double Question, double Lexical)[_passages.Count];
        for (var i = 0; i < _passages.Count; i++)
        {
            var text = (double)Vectors.Similarity(query, _texts[i]);
            var asked = text;
            foreach (var q in _questions[i])
            {
                asked = Math.Max(asked, Vectors.Similarity(query, q));
            }

            var lex = lexicalById.TryGetValue(_passages[i].Id, out var hit) ? hit.Hit.Confidence : 0;
            scored[i] = (i, _weights.Lexical * lex + _weights.Text * text + _weights.Question * asked, text, asked, lex);
        }

        Array.Sort(scored, static (a, b) => a.Fused != b.Fused ? b.Fused.CompareTo(a.Fused) : a.Index.CompareTo(b.Index));
        var bestText = scored.Max(s => s.Text);
        var plan = new Lazy<QueryPlan>(() => _lexical.Analyze(question));
        var results = new List<(SearchHit, DecisionSignals)>(limit);
        for (var r = 0; r < Math.Min(limit, scored.Length); r++)
        {
            var (index, fused, text, asked, lex) = scored[r];
            var passage = _passages[index];
            var next = r + 1 < scored.Length ? scored[r + 1].Fused : fused;
            var lexicalRank = lexicalById.TryGetValue(passage.Id, out var l) ? l.Rank : -1;
            var signals = new DecisionSignals(lex, lexicalRank == 0, text, asked, text >= bestText, fused - next, lexical.HasGoodAnswer);
            var confidence = Math.Round(_model.Confidence(signals), 4);
            var hit = lexicalRank >= 0
                ? new SearchHit(passage, Math.Round(fused, 4), confidence, () => l.Hit.BestSentence)
                : new SearchHit(passage, Math.Round(fused, 4), confidence, () => BestSentence.Pick(passage.Text, plan.Value, _lexical.Vocabulary));
            results.Add((hit, signals));
        }

        return results;
    }

    public Passage? GetPassage(string passageId) => _lexical.GetPassage(passageId);

    public Passage? GetNextPassage(string passageId) => _lexical.GetNextPassage(passageId);

    public IReadOnlyList<ArticleSummary> GetArticles() => _lexical.GetArticles();

    // Enough lexical candidates that a passage the lexical engine ranks well is never missing from the fusion.
    private const int LexicalCandidates = 30;
}

/// <summary>How the two rankings are summed: the lexical confidence, the similarity to the passage's text, and the best
/// similarity to one of its patient questions. Fit on the tune half of tests/data/questions (docs/search.md).</summary>
public sealed record FusionWeights(double Lexical, double Text, double Question)
{
    public static FusionWeights Default { get; } = new(Lexical: 0.3, Text: 1.0, Question: 0.0);
}
