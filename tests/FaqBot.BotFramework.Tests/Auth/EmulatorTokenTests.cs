using System.Net;
using FaqBot.BotFramework.Tests.Support;

namespace FaqBot.BotFramework.Tests.Auth;

/// <summary>Emulator tokens (Entra-issued, no serviceurl claim) are accepted, but never earn the serviceUrl the bot's token.</summary>
public sealed class EmulatorTokenTests : AuthenticatedBot
{
    [Theory]
    [InlineData("2.0", TestTokens.EmulatorIssuerV2)]
    [InlineData("1.0", "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/")]
    [InlineData("1.0", "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/")]
    public async Task EmulatorTokenIsAcceptedAndTheReplyGoesToLoopbackWithoutTheBotsToken(string version, string issuer)
    {
        var token = TestTokens.Emulator(Login.EmulatorKey.Credentials(), issuer, version: version);

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(Channel.ServiceUrl), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await Channel.WaitForPostsAsync(1));
        Assert.Equal("", post.Authorization);
        Assert.Equal(0, Tokens.Requests);
    }

    [Fact]
    public async Task EmulatorTokenDoesNotLetTheBotPostToANonLoopbackServiceUrl()
    {
        var token = TestTokens.Emulator(Login.EmulatorKey.Credentials());

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message("http://attacker.example/"), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Handler.Received);
        // Once stopped, the turn has ended: a send it tried would be in by now.
        await Bot.StopAsync();
        Assert.Empty(Channel.Posts);
        Assert.Equal(0, Tokens.Requests);
    }

    [Fact]
    public async Task TokenIssuedToAnotherAppIsRejected()
    {
        var token = TestTokens.Emulator(Login.EmulatorKey.Credentials(), appId: "some-other-bot");

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(Channel.ServiceUrl), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingWasSentAsync();
    }

    [Fact]
    public async Task TokenWithAnUnknownVersionIsRejected()
    {
        var token = TestTokens.Emulator(Login.EmulatorKey.Credentials(), version: "3.0");

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(Channel.ServiceUrl), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingWasSentAsync();
    }

    [Fact]
    public async Task TenantIssuerIsRejectedWhenTheBotIsNotSingleTenant()
    {
        var token = TestTokens.Emulator(Login.EmulatorKey.Credentials(), "https://sts.windows.net/3c1f6b2a-7d4e-4a9b-8e0f-1a2b3c4d5e6f/", version: "1.0");

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(Channel.ServiceUrl), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingWasSentAsync();
    }
}
