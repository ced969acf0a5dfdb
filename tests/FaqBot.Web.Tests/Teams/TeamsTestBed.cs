using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Teams;

/// <summary>The real bot and a fake Teams connector, both on loopback, for one test.</summary>
public abstract class TeamsTestBed : IAsyncLifetime
{
    // Teams accepts about 100 KB per message (UTF-16); the bot keeps well under it.
    protected const int TeamsMessageLimitBytes = 80 * 1024;

    internal TeamsPayloads Teams { get; private set; } = null!;
    protected FakeChannel Channel { get; private set; } = null!;
    protected BotServer Bot { get; private set; } = null!;

    /// <summary>Configuration that differs from appsettings.json for this test class.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Channel = await FakeChannel.StartAsync(ChannelStyle.Teams);
        await BeforeBotStartsAsync();
        Bot = await BotServer.StartAsync(Settings, ConfigureServices);
        Teams = new TeamsPayloads(Channel.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Channel.DisposeAsync();
        await AfterBotStopsAsync();
    }

    /// <summary>Starts what the bot's configuration must name (e.g. a fake identity provider).</summary>
    protected virtual Task BeforeBotStartsAsync() => Task.CompletedTask;

    protected virtual Task AfterBotStopsAsync() => Task.CompletedTask;

    /// <summary>Replaces services of the real app, for this test class only.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        var content = new StringContent(activity.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var response = await Bot.Http.PostAsync("/api/messages", content);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}");
        return response;
    }

    /// <summary>
    /// The bot's messages once no turn is running. The bot posts only from turns, so whatever the requests so far set off
    /// has been posted by then: a test that checks a message did NOT come asserts on this instead of sleeping.
    /// </summary>
    protected async Task<IReadOnlyList<FakeChannel.ReceivedPost>> MessagesOnceTurnsEndAsync()
    {
        var turns = Bot.Services.GetRequiredService<TurnDispatcher>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (turns.Running > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, turns.Running);
        return Channel.Messages;
    }

    /// <summary>The path the bot must post a reply to: each id escaped as one segment, under the serviceUrl's path.</summary>
    protected static string ReplyPath(string conversationId, string activityId) =>
        $"/amer/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";

    protected static JsonObject AdaptiveCard(Activity reply)
    {
        var attachment = Assert.Single(reply.Attachments ?? [], a => a.ContentType == "application/vnd.microsoft.card.adaptive");
        return Assert.IsType<JsonObject>(attachment.Content);
    }

    /// <summary>Checks what Teams needs of every bot message: a card version it renders, no universal actions, size, one part.</summary>
    protected static void AssertTeamsCanShow(FakeChannel.ReceivedPost post)
    {
        Assert.True(post.Body.Length * 2 <= TeamsMessageLimitBytes, $"message of {post.Body.Length} chars is over Teams' limit");
        // Teams splits text plus an attachment into two messages; a reply carries one or the other.
        Assert.False(post.Activity.Text is not null && post.Activity.Attachments is { Count: > 0 }, "text and a card in one Teams message");
        foreach (var card in (post.Activity.Attachments ?? []).Where(a => a.ContentType == "application/vnd.microsoft.card.adaptive"))
        {
            var version = Version.Parse((string?)card.Content!["version"] ?? "0.0");
            Assert.InRange(version, new Version(1, 0), new Version(1, 5));
            Assert.DoesNotContain("Action.Execute", card.Content.ToJsonString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace((string?)card.Content["fallbackText"]), "cards need fallbackText");
        }
    }

    protected static string Json(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
