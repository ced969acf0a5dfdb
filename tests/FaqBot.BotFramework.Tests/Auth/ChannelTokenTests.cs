using System.Net;
using FaqBot.BotFramework.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.Tests.Auth;

/// <summary>Channel tokens (Web Chat, Teams, Direct Line) checked as the specification says; anything short of that is a 401 and silence.</summary>
public sealed class ChannelTokenTests : AuthenticatedBot
{
    // A realistic non-loopback serviceUrl; the test HTTP handler routes it to the fake channel.
    private const string ServiceUrl = "http://webchat.botframework.example/";

    [Fact]
    public async Task ValidChannelTokenIsAcceptedAndTheReplyCarriesTheBotsToken()
    {
        var token = TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl);

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(ServiceUrl, channelId: "webchat"), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(await Channel.WaitForPostsAsync(1));
        Assert.Equal($"Bearer {FakeBotTokenProvider.Token}", post.Authorization);
        Assert.Equal("webchat.botframework.example", post.Host);
    }

    [Fact]
    public async Task ChannelRefusingTheBotsTokenGetsExactlyOneRetryWithAFreshToken()
    {
        Channel.Respond = (_, _) => Task.FromResult(Microsoft.AspNetCore.Http.Results.StatusCode(401));
        var token = TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl);

        await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(ServiceUrl, channelId: "webchat"), $"Bearer {token}");

        var posts = await Channel.WaitForPostsAsync(2);
        // Stopping waits for the turn to end, so a third attempt would have been made by then.
        await Bot.StopAsync();
        Assert.Equal(2, Channel.Attempts);
        Assert.Equal([$"Bearer {FakeBotTokenProvider.Token}", $"Bearer {FakeBotTokenProvider.RefreshedToken}"], posts.Select(p => p.Authorization));
        Assert.Equal(1, Tokens.ForcedRefreshes);
    }

    [Fact]
    public async Task TokenThatExpiredWithinTheFiveMinuteSkewIsStillAccepted()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl, notBefore: now.AddHours(-1), expires: now.AddMinutes(-3));

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(ServiceUrl, channelId: "webchat"), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ServiceUrlClaimIsComparedWithoutRegardToCase()
    {
        var token = TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl.ToUpperInvariant());

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(ServiceUrl, channelId: "webchat"), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("no Authorization header", "no Authorization header")]
    [InlineData("not a bearer token", "not a bearer token")]
    [InlineData("lower-case bearer scheme", "not a bearer token")]
    [InlineData("empty bearer token", "not a bearer token")]
    [InlineData("malformed JWT", "malformed token")]
    [InlineData("alg none", "SecurityTokenInvalidSignatureException")]
    [InlineData("HS256 signed with the public key", "SecurityTokenInvalidSignatureException")]
    [InlineData("bad signature", "SecurityTokenInvalidSignatureException")]
    [InlineData("unknown kid", "SecurityTokenSignatureKeyNotFoundException")]
    [InlineData("wrong issuer", "unknown issuer")]
    [InlineData("wrong audience", "SecurityTokenInvalidAudienceException")]
    [InlineData("expired", "SecurityTokenExpiredException")]
    [InlineData("not yet valid", "SecurityTokenNotYetValidException")]
    [InlineData("key not endorsed for the channel", "not endorsed")]
    [InlineData("serviceurl claim differs from the activity", "serviceurl claim")]
    [InlineData("no serviceurl claim", "serviceurl claim")]
    [InlineData("channel token signed with an Entra key", "SecurityTokenSignatureKeyNotFoundException")]
    public async Task RequestIsRejectedWith401AndNothingIsSent(string problem, string loggedReason)
    {
        var header = AuthorizationFor(problem);

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(ServiceUrl, channelId: "webchat"), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        // The reason goes to the log only, and it shows the request failed for the reason under test.
        Assert.True(
            Bot.Logs.Lines.Any(l => l.Message.StartsWith("Rejected inbound", StringComparison.Ordinal) && l.Message.Contains(loggedReason, StringComparison.Ordinal)),
            string.Join(Environment.NewLine, Bot.Logs.Lines.Select(l => l.Message)));
        await AssertNothingWasSentAsync();
    }

    private string? AuthorizationFor(string problem)
    {
        var now = DateTime.UtcNow;
        var rogue = TestKey.Rogue("rogue");
        string Bearer(string token) => $"Bearer {token}";
        string Valid() => TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl);

        return problem switch
        {
            "no Authorization header" => null,
            "not a bearer token" => "Basic Ym90OnBhc3N3b3Jk",
            "lower-case bearer scheme" => "bearer " + Valid(),
            "empty bearer token" => "Bearer ",
            "malformed JWT" => Bearer("eyJhbGciOiJSUzI1NiJ9.not-base64!.sig"),
            "alg none" => Bearer(TestTokens.Channel(signing: null, ServiceUrl)),
            "HS256 signed with the public key" => Bearer(TestTokens.Channel(
                new SigningCredentials(new SymmetricSecurityKey(Login.ChannelKey.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = Login.ChannelKey.KeyId }, SecurityAlgorithms.HmacSha256),
                ServiceUrl)),
            "bad signature" => Bearer(TestTokens.Channel(rogue.Credentials(keyIdOverride: Login.ChannelKey.KeyId), ServiceUrl)),
            "unknown kid" => Bearer(TestTokens.Channel(rogue.Credentials(keyIdOverride: "rotated-away"), ServiceUrl)),
            "wrong issuer" => Bearer(TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl, issuer: "https://api.botframework.example")),
            "wrong audience" => Bearer(TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl, audience: "another-bots-app-id")),
            "expired" => Bearer(TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-10))),
            "not yet valid" => Bearer(TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl, notBefore: now.AddMinutes(10), expires: now.AddHours(1))),
            "key not endorsed for the channel" => Bearer(TestTokens.Channel(Login.TeamsOnlyKey.Credentials(), ServiceUrl)),
            "serviceurl claim differs from the activity" => Bearer(TestTokens.Channel(Login.ChannelKey.Credentials(), "https://attacker.example/")),
            "no serviceurl claim" => Bearer(TestTokens.Channel(Login.ChannelKey.Credentials(), ServiceUrl, withServiceUrlClaim: false)),
            "channel token signed with an Entra key" => Bearer(TestTokens.Channel(Login.EmulatorKey.Credentials(), ServiceUrl)),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
    }
}
