using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Turns;

namespace FaqBot.BotFramework.Tests.DirectLine;

// A ten-line bot: greets on conversationUpdate, echoes messages, and misbehaves on request ("boom", "slow", "typing").
public sealed class EchoTurnHandler : ITurnHandler
{
    public List<Activity> Received { get; } = [];

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
            case "slow": await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); break;
            case "typing": await turn.SendAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken); break;
        }

        await turn.SendAsync(activity.CreateReply($"echo: {activity.Text}"), cancellationToken);
    }
}
