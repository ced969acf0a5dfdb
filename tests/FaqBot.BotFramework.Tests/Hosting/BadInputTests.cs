using System.Net;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Tests.Support;

namespace FaqBot.BotFramework.Tests.Hosting;

/// <summary>Bad input gets a clear problem+json answer, and neither the bot nor the channel hears about it.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly RecordingTurnHandler handler = new();
    private FakeChannel channel = null!;
    private BotApp bot = null!;

    public async Task InitializeAsync()
    {
        channel = await FakeChannel.StartAsync();
        bot = await BotApp.StartAsync(handler, new Dictionary<string, string?> { ["BotFramework:MaxRequestBodyBytes"] = "4096" });
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await channel.DisposeAsync();
    }

    public static TheoryData<string, string> InvalidActivities => new()
    {
        { "malformed JSON", """{"type": "message", "text": "unterminated""" },
        { "JSON that is not an object", "null" },
        { "trailing content after the activity", """{"type":"message","serviceUrl":"http://127.0.0.1:1","conversation":{"id":"c"}} {"type":"message"}""" },
        { "empty body", "" },
        { "no type", """{"id":"1","serviceUrl":"http://127.0.0.1:1","conversation":{"id":"c"}}""" },
        { "empty type", """{"type":"","serviceUrl":"http://127.0.0.1:1","conversation":{"id":"c"}}""" },
        { "no conversation", """{"type":"message","serviceUrl":"http://127.0.0.1:1"}""" },
        { "conversation without id", """{"type":"message","serviceUrl":"http://127.0.0.1:1","conversation":{}}""" },
        { "no serviceUrl", """{"type":"message","conversation":{"id":"c"}}""" },
        { "relative serviceUrl", """{"type":"message","serviceUrl":"/v3/callback","conversation":{"id":"c"}}""" },
        { "non-http serviceUrl", """{"type":"message","serviceUrl":"ftp://127.0.0.1/","conversation":{"id":"c"}}""" },
        { "wrongly typed field", """{"type":"message","serviceUrl":"http://127.0.0.1:1","conversation":{"id":"c"},"membersAdded":"everyone"}""" },
        // Issue 17's reproducers: each answered 500 or threw in the handler before.
        { "null in membersAdded", """{"type":"conversationUpdate","serviceUrl":"http://127.0.0.1:1","conversation":{"id":"c"},"membersAdded":[null]}""" },
        { "lone surrogate in a Teams team name", """{"type":"invoke","name":"x","serviceUrl":"http://127.0.0.1:1","conversation":{"id":"c"},"channelData":{"team":{"name":"\ud800"}}}""" },
        { "lone surrogate in the text", """{"type":"message","text":"hi \udc00","serviceUrl":"http://127.0.0.1:1","conversation":{"id":"c"}}""" },
    };

    [Fact]
    public async Task BytesThatAreNotUtf8AreRejectedWith400()
    {
        var head = System.Text.Encoding.UTF8.GetBytes("""{"type":"message","serviceUrl":"http://127.0.0.1:1","conversation":{"id":"c"},"channelData":{"x":"a""");
        byte[] body = [.. head, 0xED, 0xA0, 0x80, .. System.Text.Encoding.UTF8.GetBytes("\"}}")];
        var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertProblemAsync(response, 400);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("escaped surrogate pair", "\"smile \\ud83d\\ude00\"", "smile \ud83d\ude00")]
    [InlineData("raw emoji", "\"smile \ud83d\ude00\"", "smile \ud83d\ude00")]
    [InlineData("escaped quote and accent", "\"caf\\u00e9 \\\"ok\\\"\"", "caf\u00e9 \"ok\"")]
    public async Task WholeUnicodeInAnyEscapingReachesTheBotIntact(string why, string jsonText, string expected)
    {
        var body = "{\"type\":\"message\",\"text\":" + jsonText + ",\"serviceUrl\":\"" + channel.ServiceUrl + "\",\"conversation\":{\"id\":\"c\"}}";

        var response = await bot.Http.PostRawAsync(bot.MessagesUrl, body, "application/json");

        Assert.True(response.IsSuccessStatusCode, $"{why}: {response.StatusCode}");
        Assert.Equal(expected, Assert.Single(handler.Received).Text);
    }

    [Theory]
    [MemberData(nameof(InvalidActivities))]
    public async Task InvalidActivityIsRejectedWith400ProblemAndNothingElseHappens(string why, string body)
    {
        var response = await bot.Http.PostRawAsync(bot.MessagesUrl, body, "application/json");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, why);
        await AssertProblemAsync(response, 400);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task BodyOverTheConfiguredLimitIsRejectedWith413()
    {
        var activity = Some.Message(channel.ServiceUrl, new string('a', 5000));

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertProblemAsync(response, 413);
        await AssertNothingHappenedAsync();
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimitIsRejectedWith413Too()
    {
        var json = Some.Message(channel.ServiceUrl, new string('a', 5000)).ToJsonString();
        var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingHappenedAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task WrongContentTypeIsRejectedWith415(string contentType)
    {
        var response = await bot.Http.PostRawAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl).ToJsonString(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertProblemAsync(response, 415);
        await AssertNothingHappenedAsync();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        Assert.DoesNotContain("   at ", problem.ToJsonString());
    }

    private async Task AssertNothingHappenedAsync()
    {
        // Once stopped, every turn the bot started has ended: a turn the bad request set off would show by now.
        await bot.StopAsync();
        Assert.Empty(handler.Received);
        Assert.Empty(channel.Posts);
    }
}
