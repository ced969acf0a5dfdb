using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Turns;

/// <summary>One turn: the inbound activity and the way back to the user, whichever channel or transport that is.</summary>
public sealed class TurnContext(Activity activity, Func<Activity, CancellationToken, Task<string?>> send)
{
    public Activity Activity { get; } = activity;

    /// <summary>Set by the bot to answer an <c>invoke</c>; returned in the HTTP response.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Sends a reply; returns the id the channel gave it, when it gave one.</summary>
    public Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken) => send(reply, cancellationToken);
}
