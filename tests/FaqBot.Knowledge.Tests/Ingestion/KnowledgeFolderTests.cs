using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Ingestion;

public sealed class KnowledgeFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void BadFrontMatterIsReportedWithFileAndLineWhileTheOtherArticlesLoad()
    {
        _temp.Write("good.md", Some.Article("Sunscreen protects the skin."));
        _temp.Write("broken.md", "---\ntitle: \"Unclosed\n  author: [x\n---\n\nSome text.\n");

        var folder = KnowledgeFolder.Read(_temp.Path);

        Assert.Equal(["good"], folder.Articles.Select(a => a.DocId));
        var error = Assert.Single(folder.Errors);
        Assert.Equal("broken.md", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal("the title is missing its closing quote (\")", error.Message);
    }

    [Fact]
    public void AnArticleWithoutTextIsReportedNotSilentlyDropped()
    {
        _temp.Write("empty.md", Some.Article("## Only a heading\n\n"));

        var folder = KnowledgeFolder.Read(_temp.Path);

        Assert.Empty(folder.Articles);
        var error = Assert.Single(folder.Errors);
        Assert.Equal("empty.md", error.File);
        Assert.Contains("no text", error.Message);
    }

    [Fact]
    public void AFileThatIsNotUtf8IsReportedWithTheLineOfTheBadByte()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Some.Article("Line one.\nCaf")).Concat(new byte[] { 0xE9, 0x0A }).ToArray();
        File.WriteAllBytes(_temp.File("latin1.md"), bytes);

        var folder = KnowledgeFolder.Read(_temp.Path);

        var error = Assert.Single(folder.Errors);
        Assert.Equal("latin1.md", error.File);
        Assert.Equal(14, error.Line);
        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void ThePrivacyAndTermsPagesAreNeitherArticlesNorErrors()
    {
        _temp.Write("good.md", Some.Article("Sunscreen protects the skin."));
        _temp.Write($"{KnowledgeFolder.PagesFolder}/privacy.md", "# Privacy\n\nWe keep unanswered questions for {retention_days} days.\n");

        var folder = KnowledgeFolder.Read(_temp.Path);

        Assert.Equal(["good"], folder.Articles.Select(a => a.DocId));
        Assert.Empty(folder.Errors);
    }

    [Fact]
    public void AFileWithoutFrontMatterIsReportedOnLineOne()
    {
        _temp.Write("plain.md", "# Just Markdown\n\nNo front matter here.\n");

        var error = Assert.Single(KnowledgeFolder.Read(_temp.Path).Errors);

        Assert.Equal(new ArticleError("plain.md", 1, error.Message), error);
        Assert.Contains("front matter", error.Message);
    }

    [Fact]
    public void ADuplicateIdIsReportedAndTheFirstArticleKeepsIt()
    {
        _temp.Write("a/peels.md", Some.Article("Peels remove the outer layer.", "First"));
        _temp.Write("b/peels.md", Some.Article("Another text about peels.", "Second"));

        var folder = KnowledgeFolder.Read(_temp.Path);

        Assert.Equal("First", Assert.Single(folder.Articles).Citation.Title);
        var error = Assert.Single(folder.Errors);
        Assert.Equal("b/peels.md", error.File);
        Assert.Contains("duplicate article id 'peels'", error.Message);
    }

    [Fact]
    public void FrontMatterBecomesTheCitationAndEmptyFieldsStayEmpty()
    {
        var folder = KnowledgeFolder.Read(Some.FixturesFolder);

        var sunscreen = folder.Articles.Single(a => a.DocId == "sunscreen-basics");

        Assert.Equal(new Citation("Sunscreen Basics", "Test Clinic", "", "", "", "2023-05-02", "Dr. Fixture Reviewer", "2023-05-01"), sunscreen.Citation);
        Assert.Empty(folder.Errors);
    }

    [Fact]
    public void TheContentHashChangesWithAnyArticleAndOnlyThen()
    {
        _temp.Write("one.md", Some.Article("Text one."));
        var first = KnowledgeFolder.HashContent(_temp.Path);
        var again = KnowledgeFolder.HashContent(_temp.Path);
        _temp.Write("one.md", Some.Article("Text one, edited."));

        var changed = KnowledgeFolder.HashContent(_temp.Path);

        Assert.Equal(first, again);
        Assert.NotEqual(first, changed);
        Assert.Equal(changed, KnowledgeFolder.Read(_temp.Path).ContentHash);
    }

    public void Dispose() => _temp.Dispose();
}
