namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// Answer or decline from several signals at once: a logistic regression over <see cref="DecisionSignals"/>, fit on the
/// tune half of the question bank, whose output reads as the chance that the ranked-first passage is a right answer.
/// The bot answers when it is at least <see cref="Threshold"/>.
/// </summary>
public sealed class DecisionModel(double[] weights, double bias, double threshold)
{
    public static readonly string[] FeatureNames = ["lexical", "lexical_first", "text", "question", "semantic_first", "margin", "lexical_answered", "both_first", "not_covered", "question_over_not_covered"];

    /// <summary>Printed by <c>faqbot fit-decision --questions tests/data/questions/tune.jsonl tests/data/dev-questions.jsonl</c>;
    /// the threshold is the one that declines most out-of-scope questions while wrongly declining about one answerable
    /// question in eight (its table is in docs/search.md).</summary>
    public static DecisionModel Default { get; } = new([1.8965, 0.7163, 1.0762, 2.9651, 0.4616, 0.2415, 0.2166, 0.2651, -0.5705, 3.5356], -4.6373, 0.3);

    public IReadOnlyList<double> Weights => weights;

    public double Bias => bias;

    public double Threshold => threshold;

    public double Confidence(DecisionSignals signals) => LogisticRegression.FromWeights(weights, bias).Predict(signals.Features());
}
