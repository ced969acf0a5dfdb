using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Logging;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The channel side of our Direct Line: stamps what clients post, echoes it, runs the bot's turn in process, stores the replies.</summary>
public sealed class DirectLineChannel
{
    /// <summary>The <c>serviceUrl</c> on activities from our Direct Line; not an HTTP address, so nothing ever sends a bot token to it.</summary>
    public const string ServiceUrl = "urn:faqbot:directline";

    public const string ChannelId = "directline";

    private readonly IDirectLineStore conversations;
    private readonly TurnDispatcher turns;
    private readonly DirectLineOptions options;
    private readonly ILogger<DirectLineChannel> logger;

    public DirectLineChannel(IDirectLineStore conversations, TurnDispatcher turns, IOptions<DirectLineOptions> options, ILogger<DirectLineChannel> logger)
    {
        this.conversations = conversations;
        this.turns = turns;
        this.options = options.Value;
        this.logger = logger;
    }

    /// <summary>Tells the bot the user and the bot joined (one conversationUpdate, never shown to the client), so it can greet.</summary>
    public async Task StartAsync(IDirectLineConversation conversation, string? locale, CancellationToken cancellationToken)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [Bot(), User(conversation)],
            Locale = locale,
            Timestamp = conversations.Now.UtcDateTime.ToString("O"),
        };
        Address(update, conversation);
        await RunBoundedAsync(conversation, update, "conversationUpdate", cancellationToken);
    }

    /// <summary>Takes a client's activity: the server owns id, timestamp, channel, conversation and from; the rest is kept.</summary>
    public async Task<PostOutcome> PostAsync(IDirectLineConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        Address(activity, conversation);
        if (activity.Type == ActivityTypes.Typing)
        {
            // A user's typing goes nowhere: the bot ignores it and the user's own client has no use for it.
            return new PostOutcome(DirectLineIds.ActivityId(conversation.Id, 0) + "-typing", false);
        }

        var id = await conversation.AppendAsync(activity, conversations.Now, cancellationToken);
        Log.ActivityReceived(logger, id, LogText.Escape(activity.Type), LogText.Escape(activity.Text, 4096));
        var failed = !await RunBoundedAsync(conversation, activity, id, cancellationToken);
        return new PostOutcome(id, failed);
    }

    // The same turns as /api/messages, in process, owned by the dispatcher. Returns false only when the turn failed within
    // the response window without a word to the user; a slow turn keeps running and its replies still land in the
    // conversation. A client that hangs up before its turn answered has abandoned it: the turn is cancelled (its decision
    // stops at the next check) rather than left to run.
    private async Task<bool> RunBoundedAsync(IDirectLineConversation conversation, Activity activity, string label, CancellationToken cancellationToken)
    {
        var wait = new BackgroundTurn(options.TurnResponseTimeout, options.TurnMaxDuration, CancelIfCallerLeaves: true);
        var result = await turns.RunWithinAsync(activity, (reply, ct) => ReplyAsync(conversation, activity, reply, ct), wait, cancellationToken);
        if (result is null)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Log.TurnSlow(logger, label, options.TurnResponseTimeout.TotalSeconds);
            }

            return true;
        }

        return !(result.Failed && result.Sent.Count == 0);
    }

    private async Task<string?> ReplyAsync(IDirectLineConversation conversation, Activity inbound, Activity reply, CancellationToken cancellationToken)
    {
        reply.Type ??= ActivityTypes.Message;
        reply.ChannelId = ChannelId;
        reply.ServiceUrl = ServiceUrl;
        reply.Conversation = new ConversationAccount { Id = conversation.Id };
        reply.From = Bot();
        reply.Recipient = User(conversation);
        // Web Chat holds back a reply to an id it never saw for 5 s; the conversationUpdate is never shown, so no replyToId then.
        reply.ReplyToId = inbound.Id;
        if (reply.Type == ActivityTypes.Typing)
        {
            await conversation.BroadcastAsync(reply, conversations.Now, cancellationToken);
            return null;
        }

        var id = await conversation.AppendAsync(reply, conversations.Now, cancellationToken);
        Log.ReplyStored(logger, id, conversation.Id);
        return id;
    }

    private void Address(Activity activity, IDirectLineConversation conversation)
    {
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = ServiceUrl;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        // Never trust the client's from: the token decides who the user is.
        activity.From = User(conversation);
        activity.Recipient = Bot();
    }

    private ChannelAccount Bot() => new() { Id = options.BotId, Name = options.BotName, Role = "bot" };

    private static ChannelAccount User(IDirectLineConversation conversation) => new() { Id = conversation.UserId, Role = "user" };
}
