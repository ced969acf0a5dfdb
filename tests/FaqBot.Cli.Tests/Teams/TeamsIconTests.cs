namespace FaqBot.Cli.Tests.Teams;

public sealed class TeamsIconTests
{
    [Fact]
    public void TheCommittedColourIconIs192PixelsSquare()
    {
        var (width, height, _) = TestPng.ReadHeader(File.ReadAllBytes(Path.Combine(RepoPaths.TeamsFolder, "color.png")));

        Assert.Equal((192, 192), (width, height));
    }

    [Fact]
    public void TheCommittedOutlineIconIs32PixelsSquareWithAnAlphaChannel()
    {
        var (width, height, colorType) = TestPng.ReadHeader(File.ReadAllBytes(Path.Combine(RepoPaths.TeamsFolder, "outline.png")));

        Assert.Equal((32, 32), (width, height));
        Assert.Equal(6, colorType);
    }
}
