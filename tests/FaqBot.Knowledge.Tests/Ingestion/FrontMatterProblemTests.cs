using FaqBot.Knowledge.Ingestion;

namespace FaqBot.Knowledge.Tests.Ingestion;

/// <summary>A broken front matter is named in words clinic staff understand, on the line to fix.</summary>
public sealed class FrontMatterProblemTests
{
    [Theory]
    [InlineData("title: \"Laser Basics\npublisher: \"Test\"\nurl: \"\"", 2, "the title is missing its closing quote (\")")]
    [InlineData("publisher: \"Test\"\nauthor: \"Ann\nurl: \"\"\ntitle: \"Lasers\"", 3, "the author is missing its closing quote (\")")]
    [InlineData("title: \"Lasers\"\nupdated: \"2020\"\nreviewed_by: \"Dr Smith", 4, "the reviewed by is missing its closing quote (\")")]
    [InlineData("title: Lasers: the basics\npublisher: \"Test\"", 2, "the title should be one value in double quotes (a colon or a [ in it needs the quotes)")]
    public void TheLineAndTheMistakeAreNamed(string frontMatter, int line, string message)
    {
        var (article, error) = ArticleReader.Read("lasers.md", System.Text.Encoding.UTF8.GetBytes($"---\n{frontMatter}\n---\n\nLasers use light.\n"));

        Assert.Null(article);
        Assert.Equal(line, error!.Line);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void AMissingTitleSaysHowToAddOne()
    {
        var (_, error) = ArticleReader.Read("lasers.md", "---\npublisher: \"Test\"\n---\n\nLasers use light.\n"u8.ToArray());

        Assert.Equal("the front matter has no title; add a line title: \"…\"", error!.Message);
    }
}
