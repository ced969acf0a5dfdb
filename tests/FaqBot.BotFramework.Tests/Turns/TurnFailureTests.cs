using System.Net;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Tests.Support;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.Turns;

/// <summary>When the bot's logic throws, the user still gets a short apology and the channel gets no stack trace.</summary>
public sealed class TurnFailureTests : IAsyncLifetime
{
    private const string Apology = "Sorry, something went wrong on my side. Please try again in a moment.";
    private readonly RecordingTurnHandler failing = new((_, _) => throw new InvalidOperationException("index is locked"));
    private FakeChannel channel = null!;
    private BotApp bot = null!;

    public async Task InitializeAsync()
    {
        channel = await FakeChannel.StartAsync();
        bot = await BotApp.StartAsync(failing);
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await channel.DisposeAsync();
    }

    [Fact]
    public async Task ExceptionInTheBotIsLoggedAndTheUserGetsAnApology()
    {
        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var post = Assert.Single(await channel.WaitForPostsAsync(1));
        Assert.Equal(Apology, post.Activity.Text);
        Assert.Equal("6a41c2b0-4b7e-11f0-9a3c-3b1f2c7d8e90", post.Activity.ReplyToId);
        var error = Assert.Single(bot.Logs.Lines, l => l.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
        // The conversation id is the caller's choice: it goes to a Debug line, not into the Error.
        Assert.DoesNotContain(Some.ConversationId, error.Message);
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains(Some.ConversationId));
    }

    [Fact]
    public async Task ExceptionDuringExpectRepliesPutsTheApologyInTheResponse()
    {
        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl).With("deliveryMode", "expectReplies"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Apology, (string?)body["activities"]![0]!["text"]);
        Assert.DoesNotContain("index is locked", body.ToJsonString());
    }

    [Fact]
    public async Task PatientTextIsNeverLoggedAboveDebug()
    {
        await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message(channel.ServiceUrl, "my mole is bleeding"));
        await channel.WaitForPostsAsync(1);

        Assert.DoesNotContain(bot.Logs.Lines, l => l.Level > LogLevel.Debug && l.Message.Contains("mole", StringComparison.Ordinal));
    }
}
