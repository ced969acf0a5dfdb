using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Tests.Support;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.Turns;

/// <summary>The typing step on a clock the test moves: typing for a slow answer only, and never after it.</summary>
public sealed class TypingIndicatorTests
{
    private static readonly Activity Question = new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = "webchat",
        Conversation = new() { Id = "conv-1" },
        Text = "does microneedling hurt?",
    };

    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task AnAnswerSlowerThanTheDelayIsPrecededByOneTypingActivity()
    {
        var thinking = new TaskCompletionSource();
        var pipeline = Pipeline(async (turn, ct) =>
        {
            await thinking.Task;
            await turn.SendAsync(turn.Activity.CreateReply("It stings a little."), ct);
        });
        var delivered = new List<string?>();

        var turn = pipeline.RunAsync(Question, (a, _) => { lock (delivered) { delivered.Add(a.Type); } return Task.FromResult<string?>(null); }, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(299));
        Assert.Empty(delivered);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        thinking.SetResult();
        await turn;

        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], delivered);
    }

    [Fact]
    public async Task AFastAnswerGetsNoTypingEvenWhenTheClockLaterPassesTheDelay()
    {
        var pipeline = Pipeline((turn, ct) => turn.SendAsync(turn.Activity.CreateReply("From memory."), ct));

        var result = await pipeline.RunAsync(Question, (_, _) => Task.FromResult<string?>(null), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([ActivityTypes.Message], result.Sent.Select(a => a.Type));
    }

    [Fact]
    public async Task TheAnswerWaitsForATypingActivityStillOnItsWay()
    {
        var typingArrives = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var replying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answerHandedOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pipeline = Pipeline(async (turn, ct) =>
        {
            await replying.Task;
            // The pipeline hands a reply to the transport synchronously unless a step holds it back, so once SendAsync
            // has returned, an answer that did not wait for the typing activity has already been "message started".
            var answer = turn.SendAsync(turn.Activity.CreateReply("Answer."), ct);
            answerHandedOver.SetResult();
            await answer;
        });
        var order = new List<string>();

        var turn = pipeline.RunAsync(Question, (a, _) =>
        {
            lock (order) { order.Add(a.Type + " started"); }
            return a.Type == ActivityTypes.Typing ? typingArrives.Task.ContinueWith(t => { lock (order) { order.Add("typing delivered"); } return t.Result; }) : Task.FromResult<string?>(null);
        }, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        replying.SetResult();
        await answerHandedOver.Task.WaitAsync(TimeSpan.FromSeconds(10));
        typingArrives.SetResult("t-1");
        await turn;

        Assert.Equal(["typing started", "typing delivered", "message started"], order);
    }

    private TurnPipeline Pipeline(Func<TurnContext, CancellationToken, Task> bot) =>
        new(new RecordingTurnHandler(bot),
        [
            new TurnErrorBoundary(Options.Create(new BotFrameworkOptions()), NullLogger<TurnErrorBoundary>.Instance),
            new TypingIndicator(Options.Create(new TypingIndicatorOptions { Delay = TimeSpan.FromMilliseconds(300) }), clock),
        ]);
}
