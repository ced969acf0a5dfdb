using FaqBot.BotFramework.Tests.Support;

namespace FaqBot.BotFramework.Tests.Auth;

/// <summary>The bot's own token comes from MSAL's client-credentials grant, is cached, and only travels to authenticated serviceUrls.</summary>
public sealed class OutboundTokenTests : IAsyncLifetime
{
    private const string Password = "test-client-secret";
    private const string ServiceUrl = "http://smba.trafficmanager.example/amer/";
    private readonly RecordingTurnHandler handler = new();
    private FakeLoginServer login = null!;
    private FakeChannel channel = null!;

    public async Task InitializeAsync()
    {
        login = await FakeLoginServer.StartAsync();
        channel = await FakeChannel.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        await login.DisposeAsync();
    }

    private Task<BotApp> StartBotAsync(string appType, string tenant) => BotApp.StartAsync(handler, new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = appType,
        ["MicrosoftAppId"] = TestTokens.AppId,
        ["MicrosoftAppPassword"] = Password,
        ["MicrosoftAppTenantId"] = tenant,
        ["BotFramework:ToBotFromChannelOpenIdMetadataUrl"] = login.ChannelMetadataUrl,
        ["BotFramework:ToBotFromEmulatorOpenIdMetadataUrl"] = login.EmulatorMetadataUrl,
        ["BotFramework:ToChannelFromBotLoginUrl"] = $"{login.TokenOrigin}/botframework.com",
    }, services =>
    {
        login.TrustFrom(services);
        channel.RouteAllHostsHere(services);
    });

    [Fact]
    public async Task MultiTenantBotGetsOneClientCredentialsTokenAndReusesIt()
    {
        await using var bot = await StartBotAsync("MultiTenant", "");
        var header = $"Bearer {TestTokens.Channel(login.ChannelKey.Credentials(), ServiceUrl)}";

        await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(ServiceUrl, "first", channelId: "msteams"), header);
        await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(ServiceUrl, "second", channelId: "msteams"), header);

        var posts = await channel.WaitForPostsAsync(2);
        Assert.All(posts, p => Assert.Equal("Bearer msal-token-1", p.Authorization));
        var request = Assert.Single(login.Requests);
        Assert.Equal(new FakeLoginServer.TokenRequest("botframework.com", "client_credentials", TestTokens.AppId, Password, "https://api.botframework.com/.default"), request);
    }

    [Fact]
    public async Task SingleTenantBotAsksItsOwnTenantForTheToken()
    {
        await using var bot = await StartBotAsync("SingleTenant", "3c1f6b2a-7d4e-4a9b-8e0f-1a2b3c4d5e6f");
        var header = $"Bearer {TestTokens.Channel(login.ChannelKey.Credentials(), ServiceUrl)}";

        await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(ServiceUrl, channelId: "msteams"), header);

        Assert.Equal("Bearer msal-token-1", Assert.Single(await channel.WaitForPostsAsync(1)).Authorization);
        Assert.Equal("3c1f6b2a-7d4e-4a9b-8e0f-1a2b3c4d5e6f", Assert.Single(login.Requests).Tenant);
    }

    [Fact]
    public async Task UnauthenticatedServiceUrlNeverCausesATokenRequest()
    {
        await using var bot = await StartBotAsync("MultiTenant", "");
        var header = $"Bearer {TestTokens.Emulator(login.EmulatorKey.Credentials())}";

        await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl), header);

        Assert.Equal("", Assert.Single(await channel.WaitForPostsAsync(1)).Authorization);
        Assert.Empty(login.Requests);
    }
}
