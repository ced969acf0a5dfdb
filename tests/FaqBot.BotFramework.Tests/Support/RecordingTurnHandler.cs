using System.Collections.Concurrent;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Turns;

namespace FaqBot.BotFramework.Tests.Support;

/// <summary>Records every turn; by default welcomes new members and echoes messages, or runs the behaviour a test gives it.</summary>
public sealed class RecordingTurnHandler(Func<TurnContext, CancellationToken, Task>? behaviour = null) : ITurnHandler
{
    private readonly ConcurrentQueue<Activity> received = new();

    public IReadOnlyList<Activity> Received => [.. received];

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        received.Enqueue(turn.Activity);
        if (behaviour is not null)
        {
            await behaviour(turn, cancellationToken);
            return;
        }

        var activity = turn.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            foreach (var member in activity.MembersAdded ?? [])
            {
                if (member.Id != activity.Recipient?.Id)
                {
                    await turn.SendAsync(activity.CreateReply($"Welcome, {member.Name}"), cancellationToken);
                }
            }
        }
        else if (activity.Type == ActivityTypes.Message)
        {
            await turn.SendAsync(activity.CreateReply($"You said: {activity.Text}"), cancellationToken);
        }
    }
}
