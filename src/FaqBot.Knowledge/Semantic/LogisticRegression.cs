namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// Binary logistic regression fit by full-batch gradient descent with L2 regularisation: small, deterministic (same
/// data, same weights) and fast enough to fit a few thousand rows in a second (faqbot fit-decision).
/// </summary>
public sealed class LogisticRegression
{
    private LogisticRegression(double[] weights, double bias) => (Weights, Bias) = (weights, bias);

    public double[] Weights { get; }

    public double Bias { get; }

    public static LogisticRegression FromWeights(double[] weights, double bias) => new(weights, bias);

    /// <param name="features">One row per example, all of one length.</param>
    /// <param name="labels">True for the positive class.</param>
    /// <param name="l2">Penalty on the weights; larger keeps them small (and the model from memorising examples).</param>
    public static LogisticRegression Fit(IReadOnlyList<float[]> features, IReadOnlyList<bool> labels, double l2 = 1e-3, int iterations = 400, double learningRate = 0.5)
    {
        if (features.Count == 0 || features.Count != labels.Count)
        {
            throw new ArgumentException("Need as many labels as feature rows, and at least one.");
        }

        var dimensions = features[0].Length;
        var weights = new double[dimensions];
        var bias = 0.0;
        var gradient = new double[dimensions];
        var total = (double)features.Count;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var i = 0; i < features.Count; i++)
            {
                var row = features[i];
                var error = Sigmoid(Dot(weights, row) + bias) - (labels[i] ? 1.0 : 0.0);
                for (var d = 0; d < dimensions; d++)
                {
                    gradient[d] += error * row[d];
                }

                biasGradient += error;
            }

            for (var d = 0; d < dimensions; d++)
            {
                weights[d] -= learningRate * (gradient[d] / total + l2 * weights[d]);
            }

            bias -= learningRate * biasGradient / total;
        }

        return new LogisticRegression(weights, bias);
    }

    /// <summary>The probability of the positive class.</summary>
    public double Predict(ReadOnlySpan<float> features) => Sigmoid(Dot(Weights, features) + Bias);

    private static double Dot(double[] weights, ReadOnlySpan<float> row)
    {
        var sum = 0.0;
        for (var d = 0; d < row.Length; d++)
        {
            sum += weights[d] * row[d];
        }

        return sum;
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
