using System.Net;
using FaqBot.BotFramework.Tests.Support;

namespace FaqBot.BotFramework.Tests.Auth;

/// <summary>A single-tenant bot also accepts Emulator tokens from its own tenant's issuers, and only its own.</summary>
public sealed class SingleTenantEmulatorTests : AuthenticatedBot
{
    private const string TenantId = "3c1f6b2a-7d4e-4a9b-8e0f-1a2b3c4d5e6f";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["MicrosoftAppType"] = "SingleTenant";
        settings["MicrosoftAppTenantId"] = TenantId;
    }

    [Theory]
    [InlineData("1.0", $"https://sts.windows.net/{TenantId}/")]
    [InlineData("2.0", $"https://login.microsoftonline.com/{TenantId}/v2.0")]
    public async Task TokenFromTheBotsOwnTenantIsAccepted(string version, string issuer)
    {
        var token = TestTokens.Emulator(Login.EmulatorKey.Credentials(), issuer, version: version);

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(Channel.ServiceUrl), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await Channel.WaitForPostsAsync(1));
    }

    [Fact]
    public async Task TokenFromAnotherTenantIsRejected()
    {
        var token = TestTokens.Emulator(Login.EmulatorKey.Credentials(), "https://sts.windows.net/0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f/", version: "1.0");

        var response = await Bot.Http.PostActivityAsync(Bot.MessagesUrl, Some.Message(Channel.ServiceUrl), $"Bearer {token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingWasSentAsync();
    }
}
