using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Turns;

/// <summary>One turn: the inbound activity and the way back to the user, whichever channel or transport that is.</summary>
public sealed class TurnContext
{
    private readonly TurnPipeline? pipeline;
    private readonly Func<Activity, CancellationToken, Task<string?>> transport;
    private List<Activity>? sent;
    private object?[]? state;

    /// <summary>A turn outside any pipeline (a test of one step): sends go straight to <paramref name="send"/>.</summary>
    public TurnContext(Activity activity, Func<Activity, CancellationToken, Task<string?>> send)
        : this(activity, null, send)
    {
    }

    internal TurnContext(Activity activity, TurnPipeline? pipeline, Func<Activity, CancellationToken, Task<string?>> transport)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(transport);
        Activity = activity;
        this.pipeline = pipeline;
        this.transport = transport;
    }

    public Activity Activity { get; }

    /// <summary>Set by the bot to answer an <c>invoke</c>; returned in the HTTP response.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>A rating of one of the bot's messages, when the channel's own feedback control sent this turn.</summary>
    public MessageFeedback? Feedback { get; set; }

    /// <summary>True when the turn failed; the error boundary has told the user, if anyone was waiting.</summary>
    public bool Failed { get; set; }

    /// <summary>Sends a reply through the pipeline's steps to the channel; returns the id the channel gave it, if any.</summary>
    public Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return pipeline is null ? transport(reply, cancellationToken) : pipeline.SendAsync(this, reply, cancellationToken);
    }

    /// <summary>Per-turn state a step keeps for itself (one object per type); null when it has none.</summary>
    public T? Get<T>() where T : class
    {
        lock (this)
        {
            foreach (var item in state ?? [])
            {
                if (item is T found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    public void Set<T>(T value) where T : class
    {
        lock (this)
        {
            state ??= new object?[2];
            var free = Array.IndexOf(state, null);
            if (free < 0)
            {
                free = state.Length;
                Array.Resize(ref state, state.Length * 2);
            }

            state[free] = value;
        }
    }

    /// <summary>Every activity that went to the transport, in order.</summary>
    internal IReadOnlyList<Activity> Sent
    {
        get
        {
            lock (this)
            {
                return sent is null ? [] : [.. sent];
            }
        }
    }

    internal Task<string?> TransportAsync(Activity reply, CancellationToken cancellationToken)
    {
        lock (this)
        {
            (sent ??= []).Add(reply);
        }

        return transport(reply, cancellationToken);
    }
}
