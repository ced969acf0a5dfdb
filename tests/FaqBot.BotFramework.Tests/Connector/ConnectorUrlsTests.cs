using FaqBot.BotFramework.Connector;

namespace FaqBot.BotFramework.Tests.Connector;

public sealed class ConnectorUrlsTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/c1/activities/a1")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations/c1/activities/a1")]
    [InlineData("http://localhost:58213", "http://localhost:58213/v3/conversations/c1/activities/a1")]
    public void ServiceUrlWithOrWithoutTrailingSlashKeepsItsPath(string serviceUrl, string expected)
    {
        var url = ConnectorUrls.ForActivity(new Uri(serviceUrl), "c1", "a1");

        Assert.Equal(expected, url.AbsoluteUri);
    }

    [Theory]
    [InlineData("a|livechat", "a%7Clivechat")]
    [InlineData("19:abc@thread.tacv2;messageid=17", "19%3Aabc%40thread.tacv2%3Bmessageid%3D17")]
    [InlineData("a:1Xz/part", "a%3A1Xz%2Fpart")]
    [InlineData("with space+plus", "with%20space%2Bplus")]
    [InlineData("already%7Cescaped", "already%257Cescaped")]
    public void EachIdIsEscapedAsOnePathSegmentExactlyOnce(string id, string escaped)
    {
        var url = ConnectorUrls.ForActivity(new Uri("https://channel.example/"), id, id);

        Assert.Equal($"https://channel.example/v3/conversations/{escaped}/activities/{escaped}", url.AbsoluteUri);
    }

    [Fact]
    public void WithoutAnActivityToReplyToTheActivityIsSentToTheConversation()
    {
        var url = ConnectorUrls.ForActivity(new Uri("https://channel.example/"), "c1", replyToId: null);

        Assert.Equal("https://channel.example/v3/conversations/c1/activities", url.AbsoluteUri);
    }
}
