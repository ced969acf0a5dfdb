namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// Answer or decline from several signals at once: a logistic regression over <see cref="DecisionSignals"/>, fit on the
/// tune half of the question bank, whose output reads as the chance that the ranked-first passage is a right answer.
/// The bot answers when it is at least <see cref="Threshold"/>.
/// </summary>
/// <param name="typicalNotCovered">The mean not-covered similarity on the data it was fit on: what a knowledge folder
/// without a not-covered file is assumed to have, so that its questions are neither favoured nor penalised.</param>
public sealed class DecisionModel(double[] weights, double bias, double threshold, double typicalNotCovered)
{
    public static readonly string[] FeatureNames = ["lexical", "lexical_first", "text", "question", "semantic_first", "margin", "lexical_answered", "both_first", "not_covered"];

    /// <summary>Printed by <c>faqbot fit-decision --questions tests/data/questions/tune.jsonl tests/data/dev-questions.jsonl</c>;
    /// the threshold is the one that declines most out-of-scope questions while wrongly declining about one answerable
    /// question in eight (its table is in docs/search.md).</summary>
    public static DecisionModel Default { get; } = new([1.8847, 0.6946, 1.3052, 4.5392, 0.4669, 0.4575, 0.2543, 0.2838, -2.0529], -4.658, 0.3, 0.6853);

    public IReadOnlyList<double> Weights => weights;

    public double Bias => bias;

    public double Threshold => threshold;

    public double TypicalNotCovered => typicalNotCovered;

    public double Confidence(DecisionSignals signals) => LogisticRegression.FromWeights(weights, bias).Predict(signals.Features());
}
