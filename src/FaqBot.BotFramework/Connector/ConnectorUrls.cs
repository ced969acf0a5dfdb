namespace FaqBot.BotFramework.Connector;

/// <summary>Builds Bot Connector v3 URLs from a channel's <c>serviceUrl</c> (protocol reference 3.1).</summary>
public static class ConnectorUrls
{
    /// <summary>Reply-to-activity when there is an activity to reply to, otherwise send-to-conversation.</summary>
    public static Uri ForActivity(Uri serviceUrl, string conversationId, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);

        // Without a trailing slash a relative path would replace the last segment (https://smba.trafficmanager.net/amer → /v3/...).
        var baseUrl = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");

        // Each id is one path segment: Emulator ids contain '|', Teams ids ':', ';', '@', '=' and sometimes '/'.
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(baseUrl, path);
    }
}
