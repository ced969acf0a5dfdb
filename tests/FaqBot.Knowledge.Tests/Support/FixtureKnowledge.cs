using FaqBot.Knowledge.Search;

namespace FaqBot.Knowledge.Tests.Support;

/// <summary>The fixture articles indexed into a temp Lucene index folder with a small synonyms file, per test class.</summary>
public sealed class FixtureKnowledge : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public KnowledgeBase KnowledgeBase { get; private set; } = null!;

    public PassageSearcher Searcher => KnowledgeBase.Searcher;

    public KnowledgeOptions Options { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var folder = Some.CopyFixtures(_temp.File("knowledge"));
        var synonyms = _temp.Write("synonyms.txt", """
            # patient words => article words
            hurt, hurts, sore => pain, discomfort
            aftercare, after care => aftercare, heal
            spf => sunscreen
            """);
        Options = new KnowledgeOptions { Path = folder, IndexPath = _temp.File("index/faqbot"), SynonymsFile = synonyms };
        KnowledgeBase = await KnowledgeBase.OpenAsync(Options);
    }

    public Task DisposeAsync()
    {
        KnowledgeBase.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
