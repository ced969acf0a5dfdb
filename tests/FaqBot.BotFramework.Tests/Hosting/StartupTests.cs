using FaqBot.BotFramework.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Tests.Hosting;

/// <summary>Start-up refuses half a configuration with a message that says what to fix, and says which mode the bot runs in.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("MultiTenant", "app-id", "", "", "needs MicrosoftAppPassword")]
    [InlineData("", "app-id", "", "", "needs MicrosoftAppPassword")]
    [InlineData("SingleTenant", "app-id", "", "tenant", "needs MicrosoftAppPassword")]
    [InlineData("SingleTenant", "app-id", "secret", "", "needs MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", "client-id", "secret", "tenant", "MicrosoftAppPassword must be empty")]
    [InlineData("UserAssignedMSI", "client-id", "", "", "needs MicrosoftAppTenantId")]
    [InlineData("", "", "secret", "", "MicrosoftAppId is empty")]
    [InlineData("Federated", "app-id", "secret", "", "is not one of MultiTenant, SingleTenant, UserAssignedMSI")]
    public async Task HalfAConfigurationStopsStartUpWithAClearMessage(string appType, string appId, string password, string tenant, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        };
        await using var app = BotApp.Build(new RecordingTurnHandler(), settings, null, out _);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("multitenant", "app-id", "secret", "")]
    [InlineData("SingleTenant", "app-id", "secret", "tenant")]
    [InlineData("UserAssignedMSI", "client-id", "", "tenant")]
    public async Task CompleteConfigurationStartsAndLogsThatAuthenticationIsOn(string appType, string appId, string password, string tenant)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = password,
            ["MicrosoftAppTenantId"] = tenant,
        };

        await using var bot = await BotApp.StartAsync(new RecordingTurnHandler(), settings);

        var line = Assert.Single(bot.Logs.Lines, l => l.Message.StartsWith("Bot Framework authentication", StringComparison.Ordinal));
        Assert.Contains("authentication ON", line.Message);
        Assert.Contains(appId, line.Message);
        Assert.DoesNotContain("secret", string.Join("\n", bot.Logs.Lines.Select(l => l.Message)));
    }

    [Fact]
    public async Task NoAppIdStartsInTheOpenDevelopmentModeAndSaysSo()
    {
        await using var bot = await BotApp.StartAsync(new RecordingTurnHandler());

        var line = Assert.Single(bot.Logs.Lines, l => l.Message.StartsWith("Bot Framework authentication", StringComparison.Ordinal));
        Assert.Contains("authentication OFF", line.Message);
        Assert.Contains("loopback", line.Message);
        Assert.Equal(LogLevel.Information, line.Level);
    }
}
