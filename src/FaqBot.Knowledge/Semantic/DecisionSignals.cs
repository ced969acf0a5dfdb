namespace FaqBot.Knowledge.Semantic;

/// <summary>What the decision model reads of one ranked passage.</summary>
/// <param name="Lexical">The lexical engine's confidence in it (0 when the lexical engine did not find it).</param>
/// <param name="LexicalFirst">The lexical engine ranked it first.</param>
/// <param name="Text">Cosine similarity of the question to the passage's text.</param>
/// <param name="Question">The best similarity to the passage's text or one of its patient questions.</param>
/// <param name="SemanticFirst">No passage's text is closer to the question by meaning.</param>
/// <param name="Margin">Its fused score minus the next passage's.</param>
/// <param name="LexicalAnswered">The lexical engine alone would have answered (its old threshold).</param>
/// <param name="NotCovered">How close the question is to the examples of questions no article answers (not-covered.yaml).</param>
public sealed record DecisionSignals(double Lexical, bool LexicalFirst, double Text, double Question, bool SemanticFirst, double Margin, bool LexicalAnswered, double NotCovered)
{
    /// <summary>The model's input row, in a fixed order (<see cref="DecisionModel.FeatureNames"/>).</summary>
    public float[] Features() =>
    [
        (float)Lexical, LexicalFirst ? 1f : 0f, (float)Text, (float)Question, SemanticFirst ? 1f : 0f,
        (float)Margin, LexicalAnswered ? 1f : 0f, LexicalFirst && SemanticFirst ? 1f : 0f,
        (float)NotCovered,
    ];
}
