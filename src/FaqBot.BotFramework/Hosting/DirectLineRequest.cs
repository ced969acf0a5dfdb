using System.Globalization;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

// The small pieces every Direct Line handler needs: who the caller is, which conversation, and our own URLs.
internal static class DirectLineRequest
{
    public static string? Bearer(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    /// <summary>Checks the bearer token and that it is bound to <paramref name="conversationId"/>; the conversation must be live.</summary>
    public static async Task<(IDirectLineConversation? Conversation, TokenCheck? Check, IResult? Error)> AuthorizeAsync(HttpContext context, string conversationId)
    {
        var services = context.RequestServices;
        if (Bearer(context) is not { } token)
        {
            return (null, null, DirectLineResults.MissingAuthorization());
        }

        var check = await services.GetRequiredService<DirectLineTokens>().CheckBearerAsync(token);
        if (!check.IsValid)
        {
            return (null, check, DirectLineResults.Refused(check));
        }

        if (!string.Equals(check.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return (null, check, DirectLineResults.OtherConversation());
        }

        var conversation = await services.GetRequiredService<IDirectLineStore>().FindAsync(conversationId, context.RequestAborted);
        return conversation is null ? (null, check, DirectLineResults.UnknownConversation()) : (conversation, check, null);
    }

    /// <summary>A watermark is opaque to clients; anything that is not ours means "from the start" rather than an error that would stop polling.</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>The Direct Line base URL as the browser must use it: configured, or this request's own origin plus the prefix.</summary>
    public static string Domain(HttpContext context, string prefix)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{prefix}"
            : configured.TrimEnd('/');
    }

    /// <summary>A pre-authorised ws(s):// URL: browsers cannot set headers on a WebSocket, so a 60-second stream token rides in the query.</summary>
    public static string StreamUrl(HttpContext context, string prefix, IDirectLineConversation conversation, long watermark)
    {
        var token = context.RequestServices.GetRequiredService<DirectLineTokens>().IssueStream(conversation.Id, conversation.UserId).Token;
        var domain = Domain(context, prefix);
        var socketBase = domain.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + domain[8..] : "ws://" + domain[7..];
        return $"{socketBase}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?t={Uri.EscapeDataString(token)}&watermark={watermark}";
    }
}
