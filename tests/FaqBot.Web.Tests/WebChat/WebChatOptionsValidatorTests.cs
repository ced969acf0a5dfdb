using FaqBot.Web.WebChat;

namespace FaqBot.Web.Tests.WebChat;

public sealed class WebChatOptionsValidatorTests
{
    [Fact]
    public void BlackOnWhiteHasTheMaximumContrastOfTwentyOne()
    {
        var ratio = ColourContrast.Ratio("#000000", "#FFFFFF");

        Assert.Equal(21.0, ratio, precision: 6);
    }

    [Fact]
    public void DefaultClinicColoursPassWcagAa()
    {
        var result = new WebChatOptionsValidator().Validate(null, new WebChatOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void PaleAccentWithWhiteTextIsRefusedWithTheMeasuredContrast()
    {
        var options = new WebChatOptions { AccentColor = "#7FD1C7", AccentTextColor = "#FFFFFF" };

        var result = new WebChatOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("WebChat:AccentTextColor #FFFFFF on WebChat:AccentColor #7FD1C7 has contrast 1.", result.FailureMessage);
    }

    [Fact]
    public void DarkTextOnAPaleAccentIsStillRefusedBecauseLinksUseTheAccentOnWhite()
    {
        var options = new WebChatOptions { AccentColor = "#7FD1C7", AccentTextColor = "#000000" };

        var result = new WebChatOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("WebChat:AccentColor #7FD1C7 on white", result.FailureMessage);
    }

    [Fact]
    public async Task AppRefusesToStartWithUnreadableClinicColours()
    {
        await using var server = Browser.ChatAppServer.With(new Dictionary<string, string?>
        {
            ["WebChat:AccentColor"] = "#FFFF00",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(server.InitializeAsync);

        Assert.Contains("WebChat:AccentColor #FFFF00", Flatten(error));
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is null ? "" : " | " + Flatten(error.InnerException));
}
