using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Tests.Support;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Tests.Turns;

/// <summary>The turn pipeline as Direct Line uses it: no HTTP, just an activity and a send delegate.</summary>
public sealed class TurnPipelineTests
{
    private static readonly Activity Inbound = new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = "webchat",
        ServiceUrl = "https://bot.clinic.example/internal-dl/",
        Conversation = new() { Id = "conv-1" },
        From = new() { Id = "dl_user", Name = "Patient" },
        Recipient = new() { Id = "faqbot", Name = "Clinic FAQ" },
        Text = "opening hours",
    };

    [Fact]
    public async Task RunnerReturnsEverySentActivityAndTheInvokeAnswer()
    {
        var runner = Runner(async (turn, ct) =>
        {
            await turn.SendAsync(turn.Activity.CreateReply("one"), ct);
            turn.InvokeResponse = new InvokeResponse(200, new JsonObject());
        });
        var delivered = new List<string?>();

        var result = await runner.RunAsync(Inbound, (reply, _) => { delivered.Add(reply.Text); return Task.FromResult<string?>("id-1"); }, CancellationToken.None);

        Assert.Equal(["one"], delivered);
        Assert.Equal(["one"], result.Sent.Select(a => a.Text));
        Assert.Equal(200, result.InvokeResponse?.Status);
        Assert.False(result.Failed);
    }

    [Fact]
    public async Task ReplyTheBotLeftUnaddressedGoesBackToTheSender()
    {
        var runner = Runner((turn, ct) => turn.SendAsync(new Activity { Type = ActivityTypes.Typing }, ct));

        var result = await runner.RunAsync(Inbound, (_, _) => Task.FromResult<string?>(null), CancellationToken.None);

        var typing = Assert.Single(result.Sent);
        Assert.Equal(("conv-1", "faqbot", "dl_user", "in-1"), (typing.Conversation?.Id, typing.From?.Id, typing.Recipient?.Id, typing.ReplyToId));
    }

    [Theory]
    [InlineData("emulator", 1)]
    [InlineData("webchat", 0)]
    [InlineData("msteams", 0)]
    public async Task TracesReachOnlyTheEmulator(string channelId, int expected)
    {
        var runner = Runner((turn, ct) => turn.SendAsync(new Activity { Type = ActivityTypes.Trace, Name = "search", Label = "scores" }, ct));
        var delivered = 0;

        await runner.RunAsync(
            new Activity { Type = ActivityTypes.Message, ChannelId = channelId, Conversation = new() { Id = "c" } },
            (_, _) => { delivered++; return Task.FromResult<string?>(null); },
            CancellationToken.None);

        Assert.Equal(expected, delivered);
    }

    private static TurnPipeline Runner(Func<TurnContext, CancellationToken, Task> behaviour) =>
        new(new RecordingTurnHandler(behaviour), [new TurnErrorBoundary(Options.Create(new BotFrameworkOptions()), NullLogger<TurnErrorBoundary>.Instance)]);
}
