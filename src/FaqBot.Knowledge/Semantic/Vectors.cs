using System.Numerics.Tensors;

namespace FaqBot.Knowledge.Semantic;

/// <summary>Unit-vector arithmetic over <see cref="SentenceEmbedder"/> output.</summary>
public static class Vectors
{
    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
