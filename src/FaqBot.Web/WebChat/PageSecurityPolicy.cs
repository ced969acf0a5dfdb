using FaqBot.BotFramework.DirectLine;

namespace FaqBot.Web.WebChat;

/// <summary>The Content-Security-Policy of the clinic page: only our own scripts, and Direct Line only where the page may talk.</summary>
public static class PageSecurityPolicy
{
    public static string For(DirectLineOptions directLine, WebChatOptions ui)
    {
        var connect = new List<string> { "'self'" };
        // Azure mode: the browser talks to Azure's Direct Line over HTTPS and its WebSocket stream.
        if (directLine.Secret.Length > 0 && Uri.TryCreate(directLine.AzureBaseUrl, UriKind.Absolute, out var azure))
        {
            connect.Add(azure.GetLeftPart(UriPartial.Authority));
            connect.Add((azure.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + azure.Authority);
        }

        var images = new List<string> { "'self'", "data:", "blob:" };
        if (Uri.TryCreate(ui.AvatarUrl, UriKind.Absolute, out var avatar) && avatar.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            images.Add(avatar.GetLeftPart(UriPartial.Authority));
        }

        // Web Chat injects its styles at run time, hence 'unsafe-inline' for styles only; scripts stay 'self'.
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src " + string.Join(' ', images),
            "font-src 'self' data:",
            "connect-src " + string.Join(' ', connect),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");
    }
}
