using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Auth;
using FaqBot.BotFramework.Connector;
using FaqBot.BotFramework.Turns;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;

namespace FaqBot.BotFramework.Hosting;

/// <summary>The <c>/api/messages</c> endpoint: read, authenticate, run the turn, answer as the protocol says (reference section 4).</summary>
public sealed partial class BotMessagesHandler(
    ChannelTokenValidator validator,
    TurnRunner runner,
    ConnectorClient connector,
    IOptions<BotFrameworkOptions> options,
    IHostApplicationLifetime lifetime,
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
        var (activity, problem) = await ActivityRequest.ReadAsync(context, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var auth = await validator.AuthenticateAsync(context.Request.Headers.Authorization.ToString(), activity!, context.RequestAborted);
        if (!auth.Succeeded)
        {
            // No details: the reason is in the log, and an attacker learns nothing from the response.
            return TypedResults.Unauthorized();
        }

        Log.Received(logger, activity!.Type, activity.ChannelId, activity.Conversation!.Id, auth.Mode);
        if (!KnownTypes.Contains(activity.Type!))
        {
            // A2014: unknown activity types are acknowledged and ignored.
            return TypedResults.Ok();
        }

        if (string.Equals(activity.DeliveryMode, "expectReplies", StringComparison.Ordinal))
        {
            // A3113: the replies go in the response body, and nothing is posted to the channel.
            var buffered = await runner.RunAsync(activity, (_, _) => Task.FromResult<string?>(null), context.RequestAborted);
            return new WireJsonResult(new ExpectedReplies(buffered.Sent, buffered.InvokeResponse?.Body));
        }

        var serviceUrl = new Uri(activity.ServiceUrl!);
        // Replies always go to the serviceUrl that was authenticated with this request, whatever the bot puts in them.
        Task<string?> Send(Activity reply, CancellationToken ct) => connector.SendAsync(serviceUrl, auth.ServiceUrlAuthenticated, reply, ct);

        if (activity.Type == ActivityTypes.Invoke)
        {
            var result = await runner.RunAsync(activity, Send, context.RequestAborted);
            return result.InvokeResponse switch
            {
                // The SDK answers 501 to an invoke no handler claimed.
                null => TypedResults.StatusCode(StatusCodes.Status501NotImplemented),
                { Body: null } response => TypedResults.StatusCode(response.Status),
                { } response => new WireJsonResult(response.Body, response.Status),
            };
        }

        // The turn outlives the request if it must (a slow channel), but the channel waits at most InboundWait for our 200.
        var turn = runner.RunAsync(activity, Send, lifetime.ApplicationStopping);
        try
        {
            await turn.WaitAsync(options.Value.InboundWait, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            Log.AcknowledgedEarly(logger, activity.Conversation.Id, options.Value.InboundWait.TotalSeconds);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The channel hung up; the turn carries on and its replies still go out.
        }
        return TypedResults.Ok();
    }

    private static partial class Log
    {
        [LoggerMessage(400, LogLevel.Debug, "Received {ActivityType} from {ChannelId} in conversation {ConversationId} ({AuthMode})")]
        public static partial void Received(ILogger logger, string? activityType, string? channelId, string? conversationId, string authMode);

        [LoggerMessage(401, LogLevel.Warning, "Turn in conversation {ConversationId} still running after {Seconds} s; acknowledged, it finishes in the background")]
        public static partial void AcknowledgedEarly(ILogger logger, string? conversationId, double seconds);
    }
}
