using FaqBot.BotFramework.DirectLine;
using FaqBot.Web.WebChat;

namespace FaqBot.Web.Tests.WebChat;

public sealed class PageSecurityPolicyTests
{
    [Fact]
    public void SelfHostedPageMayConnectOnlyToItsOwnOriginAndRunOnlyItsOwnScripts()
    {
        var policy = PageSecurityPolicy.For(new DirectLineOptions(), new WebChatOptions());

        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }

    [Fact]
    public void AzureModeAlsoAllowsAzureDirectLineOverHttpsAndItsWebSocket()
    {
        var azure = new DirectLineOptions { Secret = "from-the-environment", AzureBaseUrl = "https://europe.directline.botframework.com/v3/directline" };

        var policy = PageSecurityPolicy.For(azure, new WebChatOptions());

        Assert.Contains("connect-src 'self' https://europe.directline.botframework.com wss://europe.directline.botframework.com;", policy);
    }

    [Fact]
    public void ASeparatePublicDirectLineAddressBehindAProxyIsAllowed()
    {
        var proxied = new DirectLineOptions { PublicBaseUrl = "https://chat.clinic.example/v3/directline" };

        var policy = PageSecurityPolicy.For(proxied, new WebChatOptions());

        Assert.Contains("connect-src 'self' https://chat.clinic.example wss://chat.clinic.example;", policy);
    }

    [Fact]
    public void AnAvatarOnAnotherHostIsAllowedAsAnImage()
    {
        var policy = PageSecurityPolicy.For(new DirectLineOptions(), new WebChatOptions { AvatarUrl = "https://cdn.clinic.example/logo.png" });

        Assert.Contains("img-src 'self' data: blob: https://cdn.clinic.example;", policy);
    }
}
