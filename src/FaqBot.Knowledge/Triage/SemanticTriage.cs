using FaqBot.Knowledge.Semantic;

namespace FaqBot.Knowledge.Triage;

/// <summary>
/// The second urgent net: catches urgent messages in words no rule lists, by meaning. The message (and each of its
/// sentences, so one sentence of despair in a long question is not drowned) is compared with the urgent examples of
/// every rule and with the ordinary examples; it is urgent when it reads more like a rule's examples than like any
/// ordinary message, by a margin. Crisis rules (self-harm) get the smaller margin: recall first.
/// </summary>
public sealed class SemanticTriage
{
    /// <summary>How many nearest examples on each side are averaged: one close example alone is weak evidence.</summary>
    private const int Neighbours = 2;

    // A long message is cut into at most this many sentences and clauses (plus the whole); each costs an embedding.
    private const int MaxParts = 8;

    private readonly SentenceEmbedder _embedder;
    private readonly IReadOnlyList<(UrgentRule Rule, IReadOnlyList<(string Text, float[] Vector)> Examples)> _urgent;
    private readonly IReadOnlyList<float[]> _ordinary;
    private readonly TriageMargins _margins;

    /// <param name="answeredQuestions">The patient questions the articles answer (their sections' <c>questions:</c>),
    /// already embedded: ordinary messages too, so that an everyday question is compared with many of its kind.</param>
    public SemanticTriage(SentenceEmbedder embedder, UrgentRuleSet rules, UrgentExamples examples, TriageMargins? margins = null, IEnumerable<float[]>? answeredQuestions = null)
    {
        _embedder = embedder;
        _margins = margins ?? TriageMargins.Default;
        var byId = rules.Rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        _urgent = examples.Urgent
            .Select(group => (byId[group.Key], (IReadOnlyList<(string, float[])>)group.Value.Zip(KeptQueryVectors.Embed(embedder, group.Value)).ToList()))
            .ToList();
        // An ordinary example's sentences and clauses are ordinary too: a message is read part by part, and its parts
        // should meet their like.
        var ordinaryParts = examples.Ordinary.SelectMany(e => TriageText.RawClauses(e)).Where(p => !examples.Ordinary.Contains(p)).Distinct().ToList();
        _ordinary = [.. KeptQueryVectors.Embed(embedder, examples.Ordinary), .. KeptQueryVectors.Embed(embedder, ordinaryParts), .. answeredQuestions ?? []];
    }

    /// <summary>The rule whose examples the message reads most like, when it clears that rule's margin; else null.</summary>
    public UrgentMatch? Match(string? message)
    {
        UrgentMatch? best = null;
        var bestExcess = double.NegativeInfinity;
        foreach (var reading in Read(message))
        {
            var excess = reading.Margin - _margins.For(reading.Rule.Crisis, reading.FromSentence);
            if (excess >= 0 && excess > bestExcess)
            {
                (best, bestExcess) = (new UrgentMatch(reading.Rule, null, "", reading.NearestExample, Math.Round(reading.NearestSimilarity, 3)), excess);
            }
        }

        return best;
    }

    /// <summary>For every rule, how much more the message (or its most urgent-sounding sentence) reads like the rule's
    /// examples than like the ordinary ones; for <c>faqbot ask --explain</c> and for fitting the margins.</summary>
    public IReadOnlyList<SemanticReading> Read(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return [];
        }

        var parts = TriageText.RawClauses(message).Distinct(StringComparer.Ordinal).Take(MaxParts).ToList();
        var texts = new List<string> { message };
        if (parts.Count > 1)
        {
            texts.AddRange(parts);
        }

        var readings = new List<SemanticReading>();
        var vectors = _embedder.EmbedQueries(texts);
        for (var i = 0; i < vectors.Length; i++)
        {
            var vector = vectors[i];
            var ordinary = TopMean(_ordinary.Select(o => Vectors.Similarity(vector, o)));
            foreach (var (rule, examples) in _urgent)
            {
                var scored = examples.Select(e => (e.Text, Similarity: Vectors.Similarity(vector, e.Vector))).ToList();
                var margin = TopMean(scored.Select(x => x.Similarity)) - ordinary;
                var nearest = scored.MaxBy(x => x.Similarity);
                readings.Add(new SemanticReading(rule, margin, nearest.Text, nearest.Similarity, FromSentence: i > 0));
            }
        }

        return readings.OrderByDescending(r => r.Margin).ToList();
    }

    private static double TopMean(IEnumerable<float> similarities) =>
        similarities.OrderDescending().Take(Neighbours).DefaultIfEmpty(0f).Average();
}

/// <summary>One rule's reading of a message: its margin over the ordinary examples and the nearest urgent example.</summary>
/// <param name="FromSentence">Read from one sentence of a longer message rather than from the whole.</param>
public sealed record SemanticReading(UrgentRule Rule, double Margin, string NearestExample, double NearestSimilarity, bool FromSentence);

/// <summary>How much more a message must resemble a rule's urgent examples than the ordinary ones (mean cosine
/// similarity of the nearest examples). One sentence on its own is short and noisier than a whole message, so it must
/// clear a wider margin. Fit on the tune half of tests/data/questions (docs/urgent-triage.md has the figures).</summary>
public sealed record TriageMargins(double Crisis, double CrisisSentence, double Other, double OtherSentence)
{
    public static TriageMargins Default { get; } = new(Crisis: 0.0, CrisisSentence: 0.04, Other: 0.04, OtherSentence: 0.06);

    public double For(bool crisis, bool sentence) => (crisis, sentence) switch
    {
        (true, false) => Crisis,
        (true, true) => CrisisSentence,
        (false, false) => Other,
        (false, true) => OtherSentence,
    };
}
