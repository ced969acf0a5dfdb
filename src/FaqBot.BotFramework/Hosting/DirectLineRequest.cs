using System.Globalization;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;

namespace FaqBot.BotFramework.Hosting;

// The small pieces every Direct Line handler needs: who the caller is and which conversation.
internal static class DirectLineRequest
{
    public static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        // An empty token is no token (401), not a wrong one; HTTP already trims a header's trailing spaces, this is for the
        // rate limiter, which must not give it the no-limit partition's key either.
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 } token ? token : null;
    }

    /// <summary>Checks the bearer token and that it is bound to <paramref name="conversationId"/>; the conversation must be live.</summary>
    public static async Task<(IDirectLineConversation? Conversation, TokenCheck? Check, DirectLineError? Error)> AuthorizeAsync(
        HttpContext context, string conversationId, DirectLineTokens tokens, IDirectLineStore conversations)
    {
        if (Bearer(context) is not { } token)
        {
            return (null, null, DirectLineResults.MissingAuthorization());
        }

        var check = await tokens.CheckBearerAsync(token);
        if (!check.IsValid)
        {
            return (null, check, DirectLineResults.Refused(check));
        }

        if (!string.Equals(check.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return (null, check, DirectLineResults.OtherConversation());
        }

        var conversation = await conversations.FindAsync(conversationId, context.RequestAborted);
        return conversation is null ? (null, check, DirectLineResults.UnknownConversation()) : (conversation, check, null);
    }

    /// <summary>A watermark is opaque to clients; anything that is not ours means "from the start" rather than an error that would stop polling.</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
