using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

// POST /api/directline/token: the page's only way to a token; it never holds a secret.
internal static class DirectLineTokenEndpoint
{
    public static async Task<Results<JsonHttpResult<DirectLineTokenResponse>, DirectLineError>> IssueAsync(HttpContext context,
        IOptions<DirectLineOptions> options, DirectLineUrls urls, DirectLineTokens tokens, AzureDirectLineTokenClient azure)
    {
        var settings = options.Value;
        if (!OriginAllowed(context, settings))
        {
            return DirectLineResults.Error(StatusCodes.Status403Forbidden, "OriginNotAllowed", "This site may not open a chat with the bot.");
        }

        var userId = DirectLineIds.NewUserId();
        if (settings.Secret.Length > 0)
        {
            var conversation = await azure.GenerateAsync(userId, context.RequestAborted);
            if (conversation is null)
            {
                return DirectLineResults.Error(StatusCodes.Status502BadGateway, "DirectLineUnavailable", "Azure Direct Line did not issue a token.");
            }

            return DirectLineResults.Json(new DirectLineTokenResponse(conversation.Token!, userId, conversation.ExpiresIn ?? 1800,
                settings.AzureBaseUrl.TrimEnd('/'), conversation.ConversationId));
        }

        if (!urls.IsMapped)
        {
            return DirectLineResults.Error(StatusCodes.Status503ServiceUnavailable, "DirectLineNotMapped", "No Direct Line is configured on this server.");
        }

        var conversationId = DirectLineIds.NewConversationId();
        var issued = tokens.IssueBearer(conversationId, userId);
        return DirectLineResults.Json(new DirectLineTokenResponse(issued.Token, userId, issued.ExpiresIn,
            urls.Domain(context), conversationId));
    }

    // Browsers send Origin on cross-site POSTs; a missing Origin is a server or same-origin caller, and the bot's own page is always allowed.
    private static bool OriginAllowed(HttpContext context, DirectLineOptions settings)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host}";
        // Behind a TLS-terminating proxy the request looks like http; the configured public URL names the real origin.
        var published = Uri.TryCreate(settings.PublicBaseUrl, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : null;
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || string.Equals(origin, published, StringComparison.OrdinalIgnoreCase)
            || settings.AllowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }
}
