using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Auth;
using FaqBot.BotFramework.Connector;
using FaqBot.BotFramework.Logging;
using FaqBot.BotFramework.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;

namespace FaqBot.BotFramework.Hosting;

/// <summary>The <c>/api/messages</c> endpoint: read, authenticate, run the turn, answer as the protocol says (reference section 4).</summary>
public sealed partial class BotMessagesHandler(
    ChannelTokenValidator validator,
    TurnDispatcher turns,
    ConnectorClient connector,
    IOptions<BotFrameworkOptions> options,
    ILogger<BotMessagesHandler> logger)
{
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Typing, ActivityTypes.Invoke, ActivityTypes.Event,
        ActivityTypes.EndOfConversation, ActivityTypes.InstallationUpdate, ActivityTypes.MessageReaction,
        "messageUpdate", "messageDelete", "contactRelationUpdate", "deleteUserData", "handoff", "suggestion", "command", "commandResult",
    };

    public async Task<Results<Ok, WireJsonResult, StatusCodeHttpResult, UnauthorizedHttpResult, ProblemHttpResult>>
        HandleAsync(HttpContext context)
    {
        // The header first: a request without a valid token costs no body read, no parse and no allocation of its size.
        var check = await validator.CheckHeaderAsync(context.Request.Headers.Authorization.ToString(), context.RequestAborted);
        if (check.Rejected)
        {
            // No details: the reason is in the log, and an attacker learns nothing from the response.
            return TypedResults.Unauthorized();
        }
        if (check.Accepted == AuthOutcome.Anonymous && !options.Value.AllowAnonymousRemoteCallers && !CallerIsLocal(context))
        {
            // No App ID means nobody is authenticated: only the Emulator on this machine may talk to the bot.
            Log.RemoteAnonymousRefused(logger);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var (activity, problem) = await ActivityRequest.ReadAsync(context, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var auth = validator.Bind(check, activity!);
        if (!auth.Succeeded)
        {
            return TypedResults.Unauthorized();
        }

        Log.Received(logger, LogText.Escape(activity!.Type), LogText.Escape(activity.ChannelId), LogText.Escape(activity.Conversation!.Id), auth.Mode);
        if (!KnownTypes.Contains(activity.Type!))
        {
            // A2014: unknown activity types are acknowledged and ignored.
            return TypedResults.Ok();
        }

        if (string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.Ordinal))
        {
            // A3113: the replies go in the response body, and nothing is posted to the channel.
            var buffered = await turns.RunAsync(activity, (_, _) => Task.FromResult<string?>(null), context.RequestAborted);
            return new WireJsonResult(new ExpectedReplies(buffered.Sent, buffered.InvokeResponse?.Body));
        }

        var serviceUrl = new Uri(activity.ServiceUrl!);
        // Replies always go to the serviceUrl that was authenticated with this request, whatever the bot puts in them.
        Task<string?> Send(Activity reply, CancellationToken ct) => connector.SendAsync(serviceUrl, auth.ServiceUrlAuthenticated, reply, ct);

        if (activity.Type == ActivityTypes.Invoke)
        {
            var result = await turns.RunAsync(activity, Send, context.RequestAborted);
            return result.InvokeResponse switch
            {
                // The SDK answers 501 to an invoke no handler claimed.
                null => TypedResults.StatusCode(StatusCodes.Status501NotImplemented),
                { Body: null } response => TypedResults.StatusCode(response.Status),
                { } response => new WireJsonResult(response.Body, response.Status),
            };
        }

        // The turn outlives the request if it must (a slow channel), but the channel waits at most InboundWait for our 200;
        // if the channel hangs up, the turn carries on and its replies still go out. The dispatcher owns it either way.
        var wait = new BackgroundTurn(options.Value.InboundWait, Timeout.InfiniteTimeSpan, CancelIfCallerLeaves: false);
        var finished = await turns.RunWithinAsync(activity, Send, wait, context.RequestAborted);
        if (finished is null && !context.RequestAborted.IsCancellationRequested)
        {
            Log.AcknowledgedEarly(logger, options.Value.InboundWait.TotalSeconds);
            Log.AcknowledgedEarlyIn(logger, LogText.Escape(activity.Conversation.Id));
        }
        return TypedResults.Ok();
    }

    // No address means an in-process or Unix-socket caller, which is on this machine.
    private static bool CallerIsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address
        || System.Net.IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static partial class Log
    {
        [LoggerMessage(402, LogLevel.Debug, "Refused an anonymous /api/messages request from a non-loopback address (no MicrosoftAppId; see BotFramework:AllowAnonymousRemoteCallers)")]
        public static partial void RemoteAnonymousRefused(ILogger logger);

        [LoggerMessage(400, LogLevel.Debug, "Received {ActivityType} from {ChannelId} in conversation {ConversationId} ({AuthMode})")]
        public static partial void Received(ILogger logger, string? activityType, string? channelId, string? conversationId, string authMode);

        // The conversation id is the caller's choice, so it goes to the Debug line below, not to the Warning.
        [LoggerMessage(401, LogLevel.Warning, "A turn was still running after {Seconds} s; acknowledged, it finishes in the background")]
        public static partial void AcknowledgedEarly(ILogger logger, double seconds);

        [LoggerMessage(403, LogLevel.Debug, "The turn acknowledged early was in conversation {ConversationId}")]
        public static partial void AcknowledgedEarlyIn(ILogger logger, string? conversationId);
    }
}
