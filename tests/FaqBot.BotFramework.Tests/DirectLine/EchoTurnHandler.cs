using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Turns;

namespace FaqBot.BotFramework.Tests.DirectLine;

// A ten-line bot: greets on conversationUpdate, echoes messages, and misbehaves on request ("boom", "slow", "typing").
public sealed class EchoTurnHandler : ITurnHandler
{
    public List<Activity> Received { get; } = [];

    /// <summary>A "slow" turn has started and is waiting for <see cref="ReleaseSlow"/>.</summary>
    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A "slow" turn was cancelled while it waited, so it never echoed.</summary>
    public TaskCompletionSource SlowCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // "slow" waits for the test rather than for the clock: as slow as the test needs, and no slower.
    private readonly TaskCompletionSource slowGate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets every "slow" turn, waiting or still to come, carry on to its echo.</summary>
    public void ReleaseSlow() => slowGate.TrySetResult();

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        lock (Received) { Received.Add(activity); }

        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            await turn.SendAsync(activity.CreateReply("Welcome to the clinic chat."), cancellationToken);
            return;
        }

        switch (activity.Text)
        {
            case "boom": throw new InvalidOperationException("test failure");
            case "slow": await SlowAsync(cancellationToken); break;
            case "typing": await turn.SendAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken); break;
        }

        await turn.SendAsync(activity.CreateReply($"echo: {activity.Text}"), cancellationToken);
    }

    private async Task SlowAsync(CancellationToken cancellationToken)
    {
        SlowStarted.TrySetResult();
        try
        {
            await slowGate.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            SlowCancelled.TrySetResult();
            throw;
        }
    }
}
