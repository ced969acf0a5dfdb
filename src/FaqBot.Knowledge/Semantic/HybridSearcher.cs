using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Search.Highlight;
using FaqBot.Knowledge.Search.Queries;

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
    private readonly PassageVectors _vectors;
    private readonly SentenceEmbedder _embedder;
    private readonly FusionWeights _weights;
    private readonly DecisionModel _model;
    private readonly IReadOnlyList<float[]> _notCovered;
    private Aligned _aligned;

    /// <param name="notCovered">Questions no article answers (staff's not-covered.yaml), embedded as queries.</param>
    public HybridSearcher(PassageSearcher lexical, PassageVectors vectors, SentenceEmbedder embedder, IReadOnlyList<float[]>? notCovered = null,
        FusionWeights? weights = null, DecisionModel? model = null)
    {
        (_lexical, _vectors, _embedder) = (lexical, vectors, embedder);
        _notCovered = notCovered ?? [];
        _weights = weights ?? FusionWeights.Default;
        _model = model ?? DecisionModel.Default;
        _aligned = Align(lexical.Passages, vectors);
    }

    // The vectors in the lexical index's passage order. When a rebuilt index is swapped in under the running searcher,
    // its passages are aligned again; one without vectors (its text changed since they were made) is found by its
    // words alone until the vectors are rebuilt at the next start.
    private sealed record Aligned(IReadOnlyList<Passage> Passages, float[]?[] Texts, float[][][] Questions);

    private static Aligned Align(IReadOnlyList<Passage> passages, PassageVectors vectors)
    {
        var texts = new float[]?[passages.Count];
        var questions = new float[passages.Count][][];
        for (var i = 0; i < passages.Count; i++)
        {
            var vector = vectors[passages[i].Id];
            var current = vector is not null && vector.TextHash == PassageVectors.HashText(passages[i].Text);
            texts[i] = current ? vector!.Text : null;
            questions[i] = current ? vector!.Questions.Select(q => q.Vector).ToArray() : [];
        }

        return new Aligned(passages, texts, questions);
    }

    public PassageVectors Vectors => _vectors;

    public long ResultsVersion => _lexical.ResultsVersion;

    /// <summary>The same index and vectors ranked with other weights or another decision model (for fitting them).</summary>
    public HybridSearcher With(FusionWeights? weights = null, DecisionModel? model = null) =>
        new(_lexical, _vectors, _embedder, _notCovered, weights ?? _weights, model ?? _model);

    public SearchResult Search(string question, int limit = 10)
    {
        var ranked = Rank(question, Math.Clamp(limit, 1, 100));
        if (ranked.Count == 0)
        {
            return SearchResult.Empty;
        }

        // The lexical engine's own decision stands when both engines put the same passage first: it was measured on
        // every knowledge folder (MedQuAD too), while the decision model was fit on the bundled one.
        var first = ranked[0];
        var good = first.Hit.Confidence >= _model.Threshold || (first.Signals.LexicalAnswered && first.Signals.LexicalFirst);
        return new SearchResult(ranked.Select(r => r.Hit).ToList(), good);
    }

    /// <summary>The ranked candidates with the signals the decision model reads; for fitting and <c>ask --explain</c>.</summary>
    public IReadOnlyList<(SearchHit Hit, DecisionSignals Signals)> Rank(string question, int limit = 10)
    {
        // Punctuation, emoji or symbols alone have no meaning to find; their embedding lands near some passage anyway.
        if (string.IsNullOrWhiteSpace(question) || !question.Any(char.IsLetter))
        {
            return [];
        }

        var lexical = _lexical.Search(question, LexicalCandidates);
        var lexicalById = new Dictionary<string, (int Rank, SearchHit Hit)>(StringComparer.Ordinal);
        for (var i = 0; i < lexical.Hits.Count; i++)
        {
            lexicalById[lexical.Hits[i].Passage.Id] = (i, lexical.Hits[i]);
        }

        var aligned = _aligned;
        if (!ReferenceEquals(aligned.Passages, _lexical.Passages))
        {
            _aligned = aligned = Align(_lexical.Passages, _vectors);
        }

        var passages = aligned.Passages;
        if (passages.Count == 0)
        {
            return [];
        }

        var query = _embedder.EmbedQuery(question);
        var hidden = _lexical.Hidden;
        var scored = new List<(int Index, double Fused, double Text, double Question, double Lexical)>(passages.Count);
        for (var i = 0; i < passages.Count; i++)
        {
            // Staff took it out of answers: it must not win, nor set the margin the decision model reads.
            if (hidden.Count > 0 && hidden.Contains(passages[i].Id))
            {
                continue;
            }

            var text = aligned.Texts[i] is { } vector ? (double)Semantic.Vectors.Similarity(query, vector) : 0;
            var asked = text;
            foreach (var q in aligned.Questions[i])
            {
                asked = Math.Max(asked, Semantic.Vectors.Similarity(query, q));
            }

            var lex = lexicalById.TryGetValue(passages[i].Id, out var hit) ? hit.Hit.Confidence : 0;
            // Lucene's own answer (first, and confident enough to answer alone) earns a bonus: where the words settle
            // it (MedQuAD's "what are the symptoms of X?"), meaning must not overrule them.
            var settled = lexical.HasGoodAnswer && lexical.Hits[0].Passage.Id == passages[i].Id ? _weights.LexicalAnswer : 0;
            scored.Add((i, _weights.Lexical * lex + _weights.Text * text + _weights.Question * asked + settled, text, asked, lex));
        }

        if (scored.Count == 0)
        {
            return [];
        }

        scored.Sort(static (a, b) => a.Fused != b.Fused ? b.Fused.CompareTo(a.Fused) : a.Index.CompareTo(b.Index));
        var bestText = scored.Max(s => s.Text);
        var notCovered = _notCovered.Count == 0
            ? _model.TypicalNotCovered
            : _notCovered.Select(v => Semantic.Vectors.Similarity(query, v)).OrderDescending().Take(2).Average();
        var plan = new Lazy<QueryPlan>(() => _lexical.Analyze(question));
        var results = new List<(SearchHit, DecisionSignals)>(limit);
        for (var r = 0; r < Math.Min(limit, scored.Count); r++)
        {
            var (index, fused, text, asked, lex) = scored[r];
            var passage = passages[index];
            var next = r + 1 < scored.Count ? scored[r + 1].Fused : fused;
            var lexicalRank = lexicalById.TryGetValue(passage.Id, out var l) ? l.Rank : -1;
            var signals = new DecisionSignals(lex, lexicalRank == 0, text, asked, text >= bestText, fused - next, lexical.HasGoodAnswer, notCovered);
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
/// <param name="LexicalAnswer">Added to the passage Lucene alone would answer with.</param>
public sealed record FusionWeights(double Lexical, double Text, double Question, double LexicalAnswer = 0)
{
    public static FusionWeights Default { get; } = new(Lexical: 0.2, Text: 1.0, Question: 1.0, LexicalAnswer: 0.1);
}
