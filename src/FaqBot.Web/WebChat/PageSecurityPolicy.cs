using FaqBot.BotFramework.DirectLine;

namespace FaqBot.Web.WebChat;

/// <summary>The Content-Security-Policy of the clinic page: only our own scripts, and Direct Line only where the page may talk.</summary>
public static class PageSecurityPolicy
{
    public static string For(DirectLineOptions directLine, WebChatOptions ui)
    {
        var connect = new List<string> { "'self'" };
        // Azure mode talks to Azure's Direct Line; behind a proxy the page may be told another public Direct Line URL.
        var directLineUrl = directLine.Secret.Length > 0 ? directLine.AzureBaseUrl : directLine.PublicBaseUrl;
        if (Uri.TryCreate(directLineUrl, UriKind.Absolute, out var other))
        {
            connect.Add(other.GetLeftPart(UriPartial.Authority));
            connect.Add((other.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + other.Authority);
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
