using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Web.Tests.Scaling;

/// <summary>
/// Two instances of the bot on one real Redis, with a patient's calls going to either, as behind a load balancer
/// without sticky sessions.
/// </summary>
public sealed class SeveralInstancesTests
{
    private const string FirstQuestion = "What is microneedling?";
    private const string SecondQuestion = "What are the risks of microneedling?";

    [Fact]
    public async Task ConversationStartedOnOneInstanceContinuesOnTheOther()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var a = ScaledBot.Start(redis.ConnectionString);
        await using var b = ScaledBot.Start(redis.ConnectionString);
        var chat = new WebChatClient();
        await chat.StartAsync(a);
        await using var socketOnA = await ChatSocket.ConnectAsync(chat.StreamUrl);
        var first = await chat.SayAsync(a, FirstQuestion);
        await socketOnA.WaitForAsync(s => HasReplyTo(s, first));

        // The next question goes to B; its answer must reach the socket A holds, and polling B must show everything.
        var second = await chat.SayAsync(b, SecondQuestion);
        var sentToA = await socketOnA.WaitForAsync(s => HasReplyTo(s, second));
        var polledOnB = await chat.PollUntilAsync(b, s => HasReplyTo(s, second));

        Assert.True(HasReplyTo(sentToA, second), "B's answer never reached the socket on A");
        Assert.False(string.IsNullOrWhiteSpace(BotReplyTo(polledOnB, second)?["text"]?.GetValue<string>()));
        // Exactly once and in order: the socket saw what polling sees, and the watermarks count up without a gap.
        Assert.Equal(Ids(polledOnB), Ids(sentToA));
        AssertConsecutive(polledOnB);
        // The stream URL was used on A: presented to B it is refused, as on one server.
        var replayed = chat.StreamUrl.Replace($":{a.Address.Port}/", $":{b.Address.Port}/", StringComparison.Ordinal);
        await Assert.ThrowsAsync<WebSocketException>(async () => await (await ChatSocket.ConnectAsync(replayed)).DisposeAsync());
        // Each instance opened its own index from the same knowledge folder; /readyz shows they agree.
        Assert.Equal(await ContentHashAsync(a), await ContentHashAsync(b));
    }

    [Fact]
    public void RedisWithoutASharedSigningKeyIsRefusedAtStart()
    {
        // Nothing listens on port 9: start-up must fail on the missing key, not on the connection.
        var refused = Assert.ThrowsAny<Exception>(() => ScaledBot.Start("127.0.0.1:9", signingKey: null));

        Assert.Contains("DirectLine:TokenSigningKey", refused.ToString());
        Assert.Contains("ConnectionStrings:Redis", refused.ToString());
    }

    [Fact]
    public async Task WhenOneInstanceStopsTheConversationContinuesOnTheOtherWithNothingLost()
    {
        await using var redis = await RedisServer.StartAsync();
        var a = ScaledBot.Start(redis.ConnectionString);
        await using var b = ScaledBot.Start(redis.ConnectionString);
        var chat = new WebChatClient();
        List<JsonObject> seenOnA;
        string watermark;
        string first;
        await using (var socketOnA = await ChatSocket.ConnectAsync(await StartOn(a, chat)))
        {
            first = await chat.SayAsync(a, FirstQuestion);
            seenOnA = await socketOnA.WaitForAsync(s => HasReplyTo(s, first));
            watermark = socketOnA.LastWatermark;
            // A goes away with the socket open, as in a deploy.
            await a.DisposeAsync();
        }

        // Web Chat reconnects with its watermark; the load balancer sends it to B.
        using (var reconnect = await chat.ReconnectAsync(b, watermark))
        {
            Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        }

        await using var socketOnB = await ChatSocket.ConnectAsync(chat.StreamUrl);
        var second = await chat.SayAsync(b, SecondQuestion);
        var seenOnB = await socketOnB.WaitForAsync(s => HasReplyTo(s, second));
        var history = await chat.PollUntilAsync(b, s => HasReplyTo(s, second));

        Assert.True(HasReplyTo(seenOnA, first));
        Assert.True(HasReplyTo(seenOnB, second));
        Assert.Equal(Ids(history), [.. Ids(seenOnA), .. Ids(seenOnB)]);
        AssertConsecutive(history);
    }

    [Fact]
    public async Task RedisDownGives503WithRetryAfterThenRecoversWithoutARestart()
    {
        await using var redis = await RedisServer.StartAsync(durable: true);
        await using var a = ScaledBot.Start(redis.ConnectionString);
        await using var b = ScaledBot.Start(redis.ConnectionString);
        var chat = new WebChatClient();
        await using var socketOnA = await ChatSocket.ConnectAsync(await StartOn(a, chat));
        var first = await chat.SayAsync(a, FirstQuestion);
        await socketOnA.WaitForAsync(s => HasReplyTo(s, first));

        await redis.StopAsync();
        using (var post = await chat.PostAsync(b, SecondQuestion))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
            Assert.True(post.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
        }

        using (var poll = await chat.GetActivitiesAsync(a))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, poll.StatusCode);
            Assert.NotNull(poll.Headers.RetryAfter);
        }

        // The Bot Framework channels need no shared state beyond follow-up context: they keep answering.
        var answer = await AskOverBotFrameworkAsync(b, FirstQuestion);
        Assert.False(string.IsNullOrWhiteSpace(answer));
        var ready = await ReadinessAsync(a);
        Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Contains("Redis cannot be reached", ready.GetProperty("checks").GetProperty("redis").GetProperty("description").GetString());

        await redis.StartAgainAsync();
        var second = await PostUntilAcceptedAsync(chat, b);
        var sentToA = await socketOnA.WaitForAsync(s => HasReplyTo(s, second));
        var history = await chat.PollUntilAsync(b, s => HasReplyTo(s, second));

        Assert.True(HasReplyTo(sentToA, second), "after recovery, B's answer never reached the socket on A");
        Assert.Equal(Ids(history), Ids(sentToA));
        AssertConsecutive(history);
        Assert.Equal("Healthy", (await ReadinessAsync(a)).GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    private static async Task<string> StartOn(ScaledBot bot, WebChatClient chat)
    {
        await chat.StartAsync(bot);
        return chat.StreamUrl;
    }

    // While Redis comes back every answer is 503 (never a 500); then the post is taken.
    private static async Task<string> PostUntilAcceptedAsync(WebChatClient chat, ScaledBot bot)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await chat.PostAsync(bot, SecondQuestion);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "Direct Line did not recover within 15 s of Redis coming back");
            await Task.Delay(200);
        }
    }

    private static async Task<string?> AskOverBotFrameworkAsync(ScaledBot bot, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "webchat",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["from"] = new JsonObject { ["id"] = "user-1" },
            ["recipient"] = new JsonObject { ["id"] = "faqbot" },
            ["conversation"] = new JsonObject { ["id"] = "conv-" + Guid.NewGuid().ToString("N") },
            ["deliveryMode"] = "expectReplies",
            ["text"] = text,
        };
        using var response = await bot.Http.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("activities").EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : null).FirstOrDefault(t => !string.IsNullOrEmpty(t));
    }

    private static async Task<JsonElement> ReadinessAsync(ScaledBot bot)
    {
        using var response = await bot.Http.GetAsync("/readyz");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> ContentHashAsync(ScaledBot bot)
    {
        var description = (await ReadinessAsync(bot)).GetProperty("checks").GetProperty("knowledge-index").GetProperty("description").GetString()!;
        var hash = System.Text.RegularExpressions.Regex.Match(description, @"content ([0-9a-f]{12})");
        Assert.True(hash.Success, description);
        return hash.Groups[1].Value;
    }

    private static JsonObject? BotReplyTo(List<JsonObject> activities, string id) =>
        activities.FirstOrDefault(a => (string?)a["replyToId"] == id && (string?)a["from"]?["role"] == "bot" && (string?)a["type"] == "message");

    private static bool HasReplyTo(List<JsonObject> activities, string id) => BotReplyTo(activities, id) is not null;

    private static List<string> Ids(List<JsonObject> activities) => [.. activities.Select(a => (string)a["id"]!)];

    // Ids end in the watermark ({conversation}|0000007) and Web Chat's sequence id carries the same number.
    private static void AssertConsecutive(List<JsonObject> activities)
    {
        var sequence = activities.Select(a => long.Parse(((string)a["id"]!).Split('|')[1])).ToList();
        Assert.Equal(Enumerable.Range(1, sequence.Count).Select(i => (long)i), sequence);
        Assert.Equal(sequence, activities.Select(a => a["channelData"]!["webchat:sequence-id"]!.GetValue<long>()));
    }
}
