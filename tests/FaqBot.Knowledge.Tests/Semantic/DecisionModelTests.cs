using FaqBot.Knowledge.Semantic;

namespace FaqBot.Knowledge.Tests.Semantic;

public sealed class DecisionModelTests
{
    [Fact]
    public void TheSignalsFillEveryFeatureTheModelHasAWeightFor()
    {
        var signals = new DecisionSignals(Lexical: 0.7, LexicalFirst: true, Text: 0.6, Question: 0.8, SemanticFirst: false, Margin: 0.05, LexicalAnswered: true, NotCovered: 0.5);

        var features = signals.Features();

        Assert.Equal(DecisionModel.FeatureNames.Length, features.Length);
        Assert.Equal(DecisionModel.FeatureNames.Length, DecisionModel.Default.Weights.Count);
        Assert.Equal([0.7f, 1f, 0.6f, 0.8f, 0f, 0.05f, 1f, 0f, 0.5f], features);
    }

    [Fact]
    public void CloserByMeaningAndByWordsMeansMoreConfident()
    {
        var weak = new DecisionSignals(0.2, false, 0.45, 0.5, false, 0.0, false, 0.6);
        var strong = weak with { Lexical = 0.8, LexicalFirst = true, Question = 0.85, SemanticFirst = true, Margin = 0.1 };

        Assert.True(DecisionModel.Default.Confidence(strong) > DecisionModel.Default.Threshold);
        Assert.True(DecisionModel.Default.Confidence(weak) < DecisionModel.Default.Threshold);
    }

    [Fact]
    public void ResemblingAQuestionNoArticleAnswersLowersTheConfidence()
    {
        var signals = new DecisionSignals(0.5, true, 0.6, 0.7, true, 0.05, true, 0.5);

        Assert.True(DecisionModel.Default.Confidence(signals with { NotCovered = 0.8 }) < DecisionModel.Default.Confidence(signals));
    }

    [Fact]
    public void LogisticRegressionLearnsASeparableRuleAndIsDeterministic()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new[] { i / 40f, (i % 3) / 3f }).ToList();
        var labels = rows.Select(r => r[0] > 0.5f).ToList();

        var model = LogisticRegression.Fit(rows, labels, iterations: 2000, learningRate: 1.0);
        var again = LogisticRegression.Fit(rows, labels, iterations: 2000, learningRate: 1.0);

        Assert.True(model.Predict([0.95f, 0.3f]) > 0.8);
        Assert.True(model.Predict([0.05f, 0.3f]) < 0.2);
        Assert.Equal(model.Weights, again.Weights);
    }
}
