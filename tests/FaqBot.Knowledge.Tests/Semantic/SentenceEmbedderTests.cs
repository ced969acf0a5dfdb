using FaqBot.Knowledge.Semantic;

namespace FaqBot.Knowledge.Tests.Semantic;

public sealed class SentenceEmbedderTests
{
    private readonly SentenceEmbedder _embedder = SharedEmbedder.Instance;

    [Fact]
    public void AQuestionBecomesAUnitVectorOfTheModelsSize()
    {
        var vector = _embedder.EmbedQuery("does microneedling hurt?");

        Assert.Equal(SentenceEmbedder.Dimensions, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 3);
    }

    [Fact]
    public void AQuestionIsCloserToThePassageThatAnswersItThanToAnUnrelatedOne()
    {
        var question = _embedder.EmbedQuery("will it sting, do you numb my face first?");
        var numbing = _embedder.EmbedDocument("A topical anesthetic cream is applied 30 minutes before the procedure to minimize pain.");
        var pigment = _embedder.EmbedDocument("Vitiligo is marked by depigmented patches on the skin, hair and mucous membranes.");

        Assert.True(Vectors.Similarity(question, numbing) > Vectors.Similarity(question, pigment) + 0.05);
    }

    [Fact]
    public void QuestionsEmbeddedTogetherMatchQuestionsEmbeddedOneByOne()
    {
        string[] questions = ["how long is the recovery", "can I use a roller at home on my cheeks every night?", "vitiligo"];

        var together = _embedder.EmbedQueries(questions.Select(q => q + " (batch)").ToList());

        for (var i = 0; i < questions.Length; i++)
        {
            var alone = _embedder.EmbedQuery(questions[i] + " (batch)");
            Assert.Equal(1.0, Vectors.Similarity(together[i], alone), 3);
        }
    }

    [Theory]
    [InlineData(100_000, 'x')]
    [InlineData(20_000, '!')]
    [InlineData(5_000, '\u05D0')]
    public void AHugeOrStrangeMessageIsCutNotRefused(int length, char c)
    {
        var vector = _embedder.EmbedQuery(new string(c, length));

        Assert.Equal(SentenceEmbedder.Dimensions, vector.Length);
        Assert.All(vector, x => Assert.False(float.IsNaN(x)));
    }
}
