using FaqBot.Knowledge.Semantic;

namespace FaqBot.Knowledge.Tests.Semantic;

public sealed class KeptQueryVectorsTests : IDisposable
{
    private static readonly string[] Examples = ["my cut keeps bleeding through the bandage", "does microneedling hurt?", "what should I put on my skin after the treatment"];

    private readonly SentenceEmbedder _embedder = SharedEmbedder.Instance;
    private readonly string _folder = Directory.CreateTempSubdirectory("faqbot-kept-vectors-").FullName;

    [Fact]
    public void A_second_start_reads_the_same_vectors_from_the_file_instead_of_the_model()
    {
        var first = KeptQueryVectors.Embed(_embedder, Examples, _folder);
        var file = Assert.Single(Directory.GetFiles(_folder, "*.bin"));

        var second = KeptQueryVectors.Embed(_embedder, Examples, _folder);

        Assert.Equal(_embedder.EmbedQueries(Examples), first);
        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(_folder, "*.bin"));
        Assert.Equal(file, Directory.GetFiles(_folder, "*.bin")[0]);
    }

    [Fact]
    public void An_edited_example_list_gets_its_own_file()
    {
        KeptQueryVectors.Embed(_embedder, Examples, _folder);
        var edited = KeptQueryVectors.Embed(_embedder, [.. Examples, "is it safe during pregnancy?"], _folder);

        Assert.Equal(4, edited.Length);
        Assert.Equal(2, Directory.GetFiles(_folder, "*.bin").Length);
    }

    [Fact]
    public void A_damaged_file_is_embedded_again_and_rewritten()
    {
        var whole = KeptQueryVectors.Embed(_embedder, Examples, _folder);
        var file = Directory.GetFiles(_folder, "*.bin")[0];
        var length = new FileInfo(file).Length;
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..100]);

        var again = KeptQueryVectors.Embed(_embedder, Examples, _folder);

        Assert.Equal(whole, again);
        Assert.Equal(length, new FileInfo(file).Length);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
