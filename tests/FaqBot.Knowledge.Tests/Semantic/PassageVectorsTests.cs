using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Semantic;
using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Semantic;

public sealed class PassageVectorsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SentenceEmbedder _embedder = SharedEmbedder.Instance;

    [Fact]
    public void VectorsSurviveARebuildWithUnchangedPassagesWithoutEmbeddingAnythingAgain()
    {
        var passages = Passages(Some.CopyFixtures(_temp.File("knowledge")));
        var first = PassageVectors.Build(passages, Questions(passages), _embedder, "hash-1");
        var path = _temp.File("index.vectors");
        first.Save(path);

        var loaded = PassageVectors.Load(path)!;
        var again = PassageVectors.Build(passages, Questions(passages), _embedder, "hash-2", previous: loaded);

        Assert.Equal("hash-1", loaded.ContentHash);
        Assert.Equal(passages.Count, loaded.Count);
        Assert.Equal(0, again.Embedded);
        Assert.All(passages, p => Assert.Equal(first[p.Id]!.Text, again[p.Id]!.Text));
        Assert.Equal(2, again[passages[0].Id]!.Questions.Count);
    }

    [Fact]
    public void AChangedPassageIsEmbeddedAgainAndOnlyIt()
    {
        var folder = Some.CopyFixtures(_temp.File("knowledge"));
        var before = PassageVectors.Build(Passages(folder), new Dictionary<string, IReadOnlyList<string>>(), _embedder, "before");
        var file = Path.Combine(folder, "sunscreen-basics.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Sunscreen", "Sun cream", StringComparison.Ordinal));

        var changed = Passages(folder);
        var after = PassageVectors.Build(changed, new Dictionary<string, IReadOnlyList<string>>(), _embedder, "after", previous: before);

        var edited = changed.Where(p => p.DocId == "sunscreen-basics" && p.Text.Contains("Sun cream", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(edited);
        Assert.Equal(edited.Count, after.Embedded);
        Assert.All(edited, p => Assert.NotEqual(before[p.Id]!.Text, after[p.Id]!.Text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-10)]
    public void ADamagedOrCutShortFileIsNotReadSoItIsRebuilt(int keep)
    {
        var passages = Passages(Some.CopyFixtures(_temp.File("knowledge")));
        var path = _temp.File("index.vectors");
        PassageVectors.Build(passages, new Dictionary<string, IReadOnlyList<string>>(), _embedder, "h").Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, keep >= 0 ? bytes[..keep] : bytes[..^-keep]);

        Assert.Null(PassageVectors.Load(path));
    }

    [Fact]
    public void AMissingFileIsNotAnError() => Assert.Null(PassageVectors.Load(_temp.File("nothing.vectors")));

    public void Dispose() => _temp.Dispose();

    private static List<Passage> Passages(string folder) =>
        KnowledgeFolder.Read(folder).Articles.SelectMany(a => PassageChunker.Chunk(a).Passages).ToList();

    private static Dictionary<string, IReadOnlyList<string>> Questions(IReadOnlyList<Passage> passages) =>
        new() { [passages[0].Id] = ["what is this about?", "tell me the basics"] };
}
