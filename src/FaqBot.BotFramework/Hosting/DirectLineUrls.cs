using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Our Direct Line's URLs as the browser must use them: its base (the page's <c>domain</c>) and stream URLs.</summary>
internal sealed class DirectLineUrls(IOptions<DirectLineOptions> options, DirectLineMount mount, DirectLineTokens tokens)
{
    /// <summary>False until <c>MapDirectLine</c> ran: then there is no Direct Line of ours to point to.</summary>
    public bool IsMapped => mount.Prefix is not null;

    /// <summary>The Direct Line base URL: configured, or this request's own origin plus the mapped prefix.</summary>
    public string Domain(HttpContext context)
    {
        var configured = options.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{mount.Prefix}"
            : configured.TrimEnd('/');
    }

    /// <summary>A pre-authorised ws(s):// URL: browsers cannot set headers on a WebSocket, so a 60-second stream token rides in the query.</summary>
    public string StreamUrl(HttpContext context, IDirectLineConversation conversation, long watermark)
    {
        var token = tokens.IssueStream(conversation.Id, conversation.UserId).Token;
        var domain = Domain(context);
        var socketBase = domain.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + domain[8..] : "ws://" + domain[7..];
        return $"{socketBase}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?t={Uri.EscapeDataString(token)}&watermark={watermark}";
    }
}
