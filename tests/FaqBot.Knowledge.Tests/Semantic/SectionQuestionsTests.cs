using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Semantic;
using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Semantic;

public sealed class SectionQuestionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void FrontMatterQuestionsReachThePassagesOfTheirSectionAndAnUnknownHeadingIsReported()
    {
        var folder = _temp.File("knowledge");
        _temp.Write("knowledge/peels.md", """
            ---
            title: "Chemical Peels"
            questions:
              "(intro)":
                - "what is a peel?"
              "Recovery":
                - "how long does the peeling last?"
              "Prices":
                - "how much is it?"
            ---

            A chemical peel removes the outer layer of skin with an acid solution.

            ## Recovery

            Peeling skin and redness last about a week after a medium peel.
            """);
        var article = KnowledgeFolder.Read(folder).Articles.Single();
        var passages = PassageChunker.Chunk(article).Passages;
        var warnings = new List<string>();

        var questions = SectionQuestions.ByPassage([(article, passages)], SharedEmbedder.Instance, warnings);

        Assert.Equal(["what is a peel?"], questions[passages.Single(p => p.HeadingPath.Count == 0).Id]);
        Assert.Equal(["how long does the peeling last?"], questions[passages.Single(p => p.Heading == "Recovery").Id]);
        Assert.Contains(warnings, w => w.Contains("\"Prices\"", StringComparison.Ordinal) && w.Contains("peels.md", StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();
}
