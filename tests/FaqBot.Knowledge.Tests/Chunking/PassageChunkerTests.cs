using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Chunking;

public sealed class PassageChunkerTests
{
    [Fact]
    public void PassagesNeverSplitASentence()
    {
        var article = Read("long.md", "## Healing\n\n" + Some.Sentences(40) + "\n\n" + Some.Sentences(12, "redness"));

        var passages = PassageChunker.Chunk(article).Passages;

        Assert.True(passages.Count > 1);
        foreach (var sentence in SentenceSplitter.Split(Some.Sentences(40) + " " + Some.Sentences(12, "redness")))
        {
            Assert.Single(passages, p => p.Text.Contains(sentence, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void PassagesAreChatSizedUnlessTheirSectionIsShort()
    {
        var chunked = PassageChunker.Chunk(Read("long.md", "Intro sentence here.\n\n## Healing\n\n" + Some.Sentences(40)));

        var healing = chunked.Passages.Where(p => p.Heading == "Healing").ToList();

        Assert.All(healing, p => Assert.InRange(Words(p.Text), 40, 120));
        Assert.Equal("Intro sentence here.", chunked.Passages[0].Text);
    }

    [Fact]
    public void AListTravelsWithTheSentenceThatIntroducesIt()
    {
        var passages = Fixture("aftercare-guide");

        var aftercare = passages.Single(p => p.Text.Contains("For the first 48 hours", StringComparison.Ordinal));

        Assert.Contains("For the first 48 hours you should follow these steps:\n- wash the face with lukewarm water only", aftercare.Text);
        Assert.Contains("- wear a broad-spectrum sunscreen outdoors", aftercare.Text);
    }

    [Fact]
    public void PassageIdsAreArticleSlugSectionAndOrdinal()
    {
        var ids = Fixture("aftercare-guide").Select(p => p.Id).ToList();

        Assert.Equal("aftercare-guide/intro/1", ids[0]);
        Assert.Contains("aftercare-guide/pain-and-discomfort/1", ids);
        Assert.Contains("aftercare-guide/recovery-time/2", ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void IdsSurviveAnUnrelatedEditInAnotherSection()
    {
        var original = File.ReadAllText(Path.Combine(Some.FixturesFolder, "aftercare-guide.md"));
        var edited = original.Replace("Gentle care helps the treated area heal.", "Gentle care helps. " + Some.Sentences(30));

        var before = Chunk("aftercare-guide.md", original).Where(p => p.Heading != "Aftercare").ToDictionary(p => p.Id, p => p.Text);
        var after = Chunk("aftercare-guide.md", edited).Where(p => p.Heading != "Aftercare").ToDictionary(p => p.Id, p => p.Text);

        Assert.Equal(before, after);
    }

    [Fact]
    public void ReferencesAreKeptForCitationButNeverBecomePassages()
    {
        var chunked = PassageChunker.Chunk(Read("aftercare-guide.md", File.ReadAllText(Path.Combine(Some.FixturesFolder, "aftercare-guide.md"))));

        Assert.Equal(2, chunked.References.Count);
        Assert.StartsWith("Example A.", chunked.References[0]);
        Assert.DoesNotContain(chunked.Passages, p => p.Text.Contains("Example A", StringComparison.Ordinal) || p.Heading == "References");
    }

    [Fact]
    public void HeadingPathFollowsNestedHeadings()
    {
        var passages = PassageChunker.Chunk(Read("nested.md", "## Risks\n\nRisks are rare.\n\n### Bruising\n\nBruises fade in days.\n\n## Costs\n\nPrices vary.")).Passages;

        Assert.Equal(["Risks", "Bruising"], passages.Single(p => p.Text.StartsWith("Bruises", StringComparison.Ordinal)).HeadingPath);
        Assert.Equal(["Costs"], passages.Single(p => p.Text.StartsWith("Prices", StringComparison.Ordinal)).HeadingPath);
        Assert.Equal([0, 1, 2], passages.Select(p => p.Ordinal));
    }

    [Fact]
    public void SentenceSplitterKeepsAbbreviationsAndDecimalsInsideSentences()
    {
        var sentences = SentenceSplitter.Split("Needles are 0.5 to 1.5 mm long, e.g. on a roller. Dr. Smith agrees. Results vary!");

        Assert.Equal(["Needles are 0.5 to 1.5 mm long, e.g. on a roller.", "Dr. Smith agrees.", "Results vary!"], sentences);
    }

    private static IReadOnlyList<Passage> Fixture(string docId) =>
        Chunk(docId + ".md", File.ReadAllText(Path.Combine(Some.FixturesFolder, docId + ".md")));

    private static IReadOnlyList<Passage> Chunk(string file, string markdown) => PassageChunker.Chunk(ArticleReader.Read(file, System.Text.Encoding.UTF8.GetBytes(markdown)).Article!).Passages;

    private static Article Read(string file, string body) =>
        ArticleReader.Read(file, System.Text.Encoding.UTF8.GetBytes(Some.Article(body))).Article ?? throw new InvalidOperationException("fixture did not parse");

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
