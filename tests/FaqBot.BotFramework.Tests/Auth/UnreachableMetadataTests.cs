using System.Net;
using FaqBot.BotFramework.Tests.Support;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.Auth;

/// <summary>Without the channel's signing keys nothing can be trusted: the bot fails closed and says why in its log.</summary>
public sealed class UnreachableMetadataTests : AuthenticatedBot
{
    // The right server, a path that answers 404.
    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["BotFramework:ToBotFromChannelOpenIdMetadataUrl"] = $"{Login.ChannelMetadataUrl}-missing";

    [Fact]
    public async Task ValidChannelTokenIsRejectedWhenTheMetadataCannotBeLoaded()
    {
        var token = TestTokens.Channel(Login.ChannelKey.Credentials(), "http://webchat.botframework.example/");

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message("http://webchat.botframework.example/", channelId: "webchat"), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(Bot.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("OpenID metadata") && l.Exception is null);
        await AssertNothingWasSentAsync();
    }
}
