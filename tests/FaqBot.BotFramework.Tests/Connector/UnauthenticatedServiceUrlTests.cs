using System.Net;
using FaqBot.BotFramework.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.Connector;

/// <summary>Without an App ID anyone can post to the bot, so it answers only on loopback or allow-listed serviceUrls, never with a token.</summary>
public sealed class UnauthenticatedServiceUrlTests : IAsyncLifetime
{
    private readonly RecordingTurnHandler handler = new();
    private readonly FakeBotTokenProvider tokens = new();
    private FakeChannel channel = null!;
    private BotApp bot = null!;

    public async Task InitializeAsync()
    {
        channel = await FakeChannel.StartAsync();
        bot = await BotApp.StartAsync(
            handler,
            new Dictionary<string, string?> { ["BotFramework:AllowedServiceUrls:0"] = "http://tunnel.clinic.example/dev" },
            services =>
            {
                services.AddSingleton<FaqBot.BotFramework.Auth.IBotTokenProvider>(tokens);
                // Every host, loopback or not, reaches the fake channel, so only the bot's policy decides what is sent.
                channel.RouteAllHostsHere(services);
            });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await channel.DisposeAsync();
    }

    [Theory]
    [InlineData("http://attacker.example/")]
    [InlineData("http://169.254.169.254/metadata/")]
    [InlineData("http://tunnel.clinic.example/developer")]
    [InlineData("http://tunnel.clinic.example.attacker.example/dev")]
    public async Task StrangersServiceUrlIsNeverPosted(string serviceUrl)
    {
        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(serviceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(handler.Received);
        // Once stopped, the turn has ended: a reply it sent would be in by now.
        await bot.StopAsync();
        Assert.Empty(channel.Posts);
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("AllowedServiceUrls"));
    }

    [Theory]
    [InlineData("http://localhost:{port}")]
    [InlineData("http://127.0.0.1:{port}/")]
    [InlineData("http://[::1]:{port}")]
    [InlineData("http://tunnel.clinic.example/dev")]
    [InlineData("http://TUNNEL.clinic.example/dev/")]
    public async Task LoopbackAndAllowListedServiceUrlsGetTheReplyWithoutAToken(string serviceUrl)
    {
        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(serviceUrl.Replace("{port}", channel.Port.ToString())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await channel.WaitForPostsAsync(1));
        Assert.Equal("", post.Authorization);
        Assert.Equal(0, tokens.Requests);
    }

    [Fact]
    public async Task TokenSentToABotWithoutAnAppIdIsRejected()
    {
        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl), "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(handler.Received);
    }
}
