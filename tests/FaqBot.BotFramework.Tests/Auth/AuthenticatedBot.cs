using FaqBot.BotFramework.Auth;
using FaqBot.BotFramework.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.BotFramework.Tests.Auth;

/// <summary>A bot with an App ID whose OpenID metadata comes from the loopback login server, and a fake channel.</summary>
public abstract class AuthenticatedBot : IAsyncLifetime
{
    protected RecordingTurnHandler Handler { get; } = new();
    protected FakeBotTokenProvider Tokens { get; } = new();
    protected FakeLoginServer Login { get; private set; } = null!;
    protected FakeChannel Channel { get; private set; } = null!;
    protected BotApp Bot { get; private set; } = null!;

    /// <summary>Lets a test class add or override settings once the login server's address is known.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async Task InitializeAsync()
    {
        Login = await FakeLoginServer.StartAsync();
        Channel = await FakeChannel.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = TestTokens.AppId,
            ["MicrosoftAppPassword"] = "never-used-because-tokens-are-faked",
            ["BotFramework:ToBotFromChannelOpenIdMetadataUrl"] = Login.ChannelMetadataUrl,
            ["BotFramework:ToBotFromEmulatorOpenIdMetadataUrl"] = Login.EmulatorMetadataUrl,
        };
        Configure(settings);
        Bot = await BotApp.StartAsync(Handler, settings, services =>
        {
            services.AddSingleton<IBotTokenProvider>(Tokens);
            Channel.RouteAllHostsHere(services);
            ConfigureServices(services);
        });
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Channel.DisposeAsync();
        await Login.DisposeAsync();
    }

    /// <summary>Lets a test class register services of its own (a clock) after the bot's.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected async Task AssertNothingWasSentAsync()
    {
        // Once stopped, every turn the bot started has ended: a late send would be in by now.
        await Bot.StopAsync();
        Assert.Empty(Handler.Received);
        Assert.Empty(Channel.Posts);
        Assert.Equal(0, Tokens.Requests);
    }
}
