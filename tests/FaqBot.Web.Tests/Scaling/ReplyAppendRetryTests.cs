using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.DirectLine;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FaqBot.Web.Tests.Scaling;

/// <summary>
/// A bot's reply is stored after the patient's POST was answered, so nobody would retry it: a Redis call that times
/// out under load must not lose it, and the retry must not store it twice when the first call ran after all.
/// </summary>
public sealed class ReplyAppendRetryTests
{
    [Fact]
    public async Task AnAppendThatTimesOutIsRetriedAndStoredExactlyOnce()
    {
        var ct = CancellationToken.None;
        await using var redis = await RedisServer.StartAsync();
        await using var bot = ScaledBot.Start(redis.ConnectionString + ",asyncTimeout=1000");
        var store = bot.Services.GetRequiredService<IDirectLineStore>();
        var (conversation, _) = await store.GetOrStartAsync("retry-conversation", "dl_patient", ct);
        // The patient's question first: Redis then knows the script, so the paused call below runs it rather than
        // failing with NOSCRIPT.
        await conversation.AppendAsync(new Activity { Type = ActivityTypes.Message, Text = "What is microneedling?" }, store.Now, ct);
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");

        // Redis holds every write (scripts included) until unpaused: the first call times out in the bot, yet Redis
        // still runs it once the pause ends, as it would after a burst.
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "60000", "WRITE");
        var reply = new Activity { Type = ActivityTypes.Message, Text = "Microneedling is a procedure..." };
        var append = conversation.AppendAsync(reply, store.Now, ct).AsTask();
        await WaitForAsync(() => bot.Logged.Any(line => line.Contains("trying once more", StringComparison.Ordinal)), ct);
        await admin.GetDatabase().ExecuteAsync("CLIENT", "UNPAUSE");
        var id = await append;

        var history = await conversation.ReadAfterAsync(1, ct);
        var stored = System.Text.Json.JsonDocument.Parse(Assert.Single(history.Activities).Utf8).RootElement;
        Assert.Equal(id, stored.GetProperty("id").GetString());
        Assert.Equal(reply.Text, stored.GetProperty("text").GetString());
        Assert.Equal("2", history.Watermark);
    }

    [Fact]
    public async Task APatientsMessageSentAgainWithWebChatsIdIsStoredOnce()
    {
        // A POST that answered 503 although Redis stored the message: Web Chat's Retry sends it again, same clientActivityID.
        var ct = CancellationToken.None;
        await using var redis = await RedisServer.StartAsync();
        await using var bot = ScaledBot.Start(redis.ConnectionString);
        var store = bot.Services.GetRequiredService<IDirectLineStore>();
        var (conversation, _) = await store.GetOrStartAsync("resend-conversation", "dl_patient", ct);

        Activity Message(string clientId, string text) => new()
        {
            Type = ActivityTypes.Message,
            Text = text,
            From = new ChannelAccount { Id = "dl_patient", Role = "user" },
            ChannelData = System.Text.Json.JsonSerializer.SerializeToElement(new { clientActivityID = clientId }),
        };

        var first = await conversation.AppendAsync(Message("client-1", "Does microneedling hurt?"), store.Now, ct);
        var again = await conversation.AppendAsync(Message("client-1", "Does microneedling hurt?"), store.Now, ct);
        var next = await conversation.AppendAsync(Message("client-2", "Does microneedling hurt?"), store.Now, ct);
        // A client that reused an id for another message still has that message stored.
        var reused = await conversation.AppendAsync(Message("client-1", "Can I do it at home?"), store.Now, ct);

        Assert.Equal(first, again);
        Assert.Equal(3, new[] { first, next, reused }.Distinct().Count());
        var history = await conversation.ReadAfterAsync(0, ct);
        Assert.Equal(3, history.Activities.Count);
        Assert.Equal("3", history.Watermark);
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the first try never timed out");
            await Task.Delay(20, ct);
        }
    }
}
