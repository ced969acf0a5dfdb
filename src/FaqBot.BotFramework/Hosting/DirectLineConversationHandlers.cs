using System.Text.Json;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

// Start, reconnect, poll and post: the REST half of Direct Line 3.0.
internal static class DirectLineConversationHandlers
{
    private sealed record StartBody(ChannelAccount? User, string? Locale);

    public static async Task<Results<JsonHttpResult<Conversation>, DirectLineError>> StartAsync(HttpContext context,
        DirectLineTokens tokens, IDirectLineStore conversations, DirectLineChannel channel, DirectLineUrls urls)
    {
        if (DirectLineRequest.Bearer(context) is not { } token)
        {
            return DirectLineResults.MissingAuthorization();
        }

        var check = await tokens.CheckBearerAsync(token);
        if (!check.IsValid)
        {
            return DirectLineResults.Refused(check);
        }

        var body = await ReadOptionalAsync<StartBody>(context);
        var (conversation, created) = await conversations.GetOrStartAsync(check.ConversationId, check.UserId, context.RequestAborted);
        if (created)
        {
            await channel.StartAsync(conversation, body?.Locale, context.RequestAborted);
        }

        // A socket opened from this URL replays the whole history, including a welcome the bot sent before it connected.
        var result = new Conversation(conversation.Id, token, check.SecondsLeft(conversations.Now), urls.StreamUrl(context, conversation, 0));
        return DirectLineResults.Json(result, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public static async Task<Results<JsonHttpResult<Conversation>, DirectLineError>> ReconnectAsync(HttpContext context, string conversationId,
        string? watermark, DirectLineTokens tokens, IDirectLineStore conversations, DirectLineUrls urls)
    {
        var (conversation, check, error) = await DirectLineRequest.AuthorizeAsync(context, conversationId, tokens, conversations);
        if (error is not null)
        {
            return error;
        }

        // Without a watermark the new socket carries only what happens from now on.
        var from = watermark is null ? await conversation!.WatermarkAsync(context.RequestAborted) : DirectLineRequest.ParseWatermark(watermark);
        return DirectLineResults.Json(new Conversation(conversation!.Id, DirectLineRequest.Bearer(context), check!.SecondsLeft(conversations.Now),
            urls.StreamUrl(context, conversation, from)));
    }

    public static async Task<Results<JsonHttpResult<ActivitySet>, DirectLineError>> GetActivitiesAsync(HttpContext context, string conversationId,
        string? watermark, DirectLineTokens tokens, IDirectLineStore conversations)
    {
        var (conversation, _, error) = await DirectLineRequest.AuthorizeAsync(context, conversationId, tokens, conversations);
        if (error is not null)
        {
            return error;
        }

        return DirectLineResults.Json(await conversation!.ReadAfterAsync(DirectLineRequest.ParseWatermark(watermark), context.RequestAborted));
    }

    public static async Task<Results<JsonHttpResult<ResourceResponse>, DirectLineError>> PostActivityAsync(HttpContext context, string conversationId,
        DirectLineTokens tokens, IDirectLineStore conversations, DirectLineChannel channel, IOptions<DirectLineOptions> options)
    {
        var (conversation, _, error) = await DirectLineRequest.AuthorizeAsync(context, conversationId, tokens, conversations);
        if (error is not null)
        {
            return error;
        }

        var read = await BoundedBody.ReadAsync(context, options.Value.MaxActivityBytes);
        if (read.TooLarge)
        {
            return DirectLineResults.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {options.Value.MaxActivityBytes} bytes.");
        }

        if (JsonTextCheck.Problem(read.Bytes) is { } broken)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", broken);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(read.Bytes, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be one activity as JSON.");
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "MissingProperty", "The activity needs a 'type'.");
        }

        if (ActivityShape.NullEntry(activity) is { } field)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", $"The activity's '{field}' holds null.");
        }

        if (activity.Attachments is { Count: > 0 })
        {
            return UploadsRefused(options.Value);
        }

        // For the bounds on what one address may make the bot write (the feedback file).
        activity.CallerAddress = context.Connection.RemoteIpAddress?.ToString();
        var outcome = await channel.PostAsync(conversation!, activity, context.RequestAborted);
        if (outcome.BotFailed)
        {
            return DirectLineResults.Error(StatusCodes.Status502BadGateway, "BotRejectedActivity", "The bot could not handle the activity.");
        }

        return DirectLineResults.Json(new ResourceResponse(outcome.Id));
    }

    public static async Task<DirectLineError> UploadAsync(HttpContext context, string conversationId,
        DirectLineTokens tokens, IDirectLineStore conversations, IOptions<DirectLineOptions> options)
    {
        var (_, _, error) = await DirectLineRequest.AuthorizeAsync(context, conversationId, tokens, conversations);
        return error ?? UploadsRefused(options.Value);
    }

    // Not 403: Direct Line clients read 403 as an expired token. The words are the host's (DirectLine:UploadRefusal).
    private static DirectLineError UploadsRefused(DirectLineOptions options) =>
        DirectLineResults.Error(StatusCodes.Status400BadRequest, "AttachmentsNotAccepted", options.UploadRefusal);

    private static async Task<T?> ReadOptionalAsync<T>(HttpContext context) where T : class
    {
        var read = await BoundedBody.ReadAsync(context, 4096);
        if (read.TooLarge || read.Bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(read.Bytes, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            // The start body is optional and advisory (locale); a bad one must not stop the patient from chatting.
            return null;
        }
    }
}
