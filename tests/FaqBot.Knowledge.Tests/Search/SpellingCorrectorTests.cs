using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Search.Spelling;

namespace FaqBot.Knowledge.Tests.Search;

public sealed class SpellingCorrectorTests
{
    private static readonly SpellingCorrector Corrector = new(new Dictionary<string, int>
    {
        ["microneedling"] = 30, ["vitiligo"] = 5, ["pain"] = 8, ["hope"] = 1, ["reach"] = 2, ["scarring"] = 4, ["scaring"] = 1,
    });

    [Theory]
    [InlineData("microneedlign", "microneedling")]
    [InlineData("mirconeedling", "microneedling")]
    [InlineData("vitaligo", "vitiligo")]
    [InlineData("pian", "pain")]
    public void AMisspeltWordIsCorrectedToTheIndexedWord(string typed, string expected) =>
        Assert.Equal(expected, Corrector.Correct(typed));

    [Theory]
    [InlineData("hype")]
    [InlineData("beach")]
    [InlineData("xyz")]
    [InlineData("completelydifferent")]
    public void AWordIsLeftAloneWhenNoIndexedWordIsCloseEnough(string typed) =>
        Assert.Null(Corrector.Correct(typed));

    [Fact]
    public void TheNearestIndexedWordWins() =>
        Assert.Equal("scarring", Corrector.Correct("scarrinng"));
}
