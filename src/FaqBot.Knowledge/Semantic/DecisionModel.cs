namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// Answer or decline from several signals at once: a logistic regression over <see cref="DecisionSignals"/>, fit on the
/// tune half of the question bank (<c>faqbot fit-decision</c> prints these weights), whose output reads as the chance
/// that the passage is a right answer.
/// </summary>
public sealed class DecisionModel(double[] weights, double bias)
{
    public static readonly string[] FeatureNames = ["lexical", "lexical_first", "text", "question", "semantic_first", "margin", "lexical_answered", "both_first"];

    /// <summary>Fit by <c>faqbot fit-decision --questions tests/data/questions/tune.jsonl</c>.</summary>
    public static DecisionModel Default { get; } = new([2.0, 0.5, 6.0, 0.0, 0.5, 4.0, 1.0, 1.0], -6.0);

    public IReadOnlyList<double> Weights => weights;

    public double Bias => bias;

    public double Confidence(DecisionSignals signals) => LogisticRegression.FromWeights(weights, bias).Predict(signals.Features());
}
