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
    // Made once: Confidence runs for every ranked passage of every question.
    private readonly LogisticRegression _regression = LogisticRegression.FromWeights(weights, bias);

    public static readonly string[] FeatureNames = ["lexical", "lexical_first", "text", "question", "semantic_first", "margin", "lexical_answered", "both_first", "not_covered"];

    /// <summary>Printed by <c>faqbot fit-decision --questions tests/data/questions/tune.jsonl tests/data/dev-questions.jsonl</c>;
    /// the threshold makes the fewest errors of both kinds together, declined answerable questions and answered
    /// out-of-scope ones (its table is in docs/search.md).</summary>
    public static DecisionModel Default { get; } = new([1.6995, 0.6691, 1.7482, 4.7151, 0.5378, 1.0436, 0.077, 0.1496, -1.9665], -4.957, 0.35, 0.6853);

    public IReadOnlyList<double> Weights => weights;

    public double Threshold => threshold;

    public double TypicalNotCovered => typicalNotCovered;

    public double Confidence(DecisionSignals signals) => _regression.Predict(signals.Features());
}
