using FaqBot.BotFramework.Auth;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Connector;

/// <summary>
/// Decides whether the bot may post to a <c>serviceUrl</c> and whether its token may go along: only a serviceUrl vouched
/// for by a channel token gets the token; anything else is answered only on loopback or an allow-listed prefix, so an
/// unauthenticated stranger cannot make the bot POST to an address of their choice (protocol reference 5.7).
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotCredentials> credentials, IOptions<BotFrameworkOptions> options)
{
    public OutboundDecision Decide(Uri serviceUrl, bool serviceUrlAuthenticated)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (serviceUrlAuthenticated && credentials.Value.AuthenticationEnabled)
        {
            return OutboundDecision.SendWithToken;
        }

        return serviceUrl.IsLoopback || IsAllowListed(serviceUrl) ? OutboundDecision.SendAnonymously : OutboundDecision.Refuse;
    }

    private bool IsAllowListed(Uri serviceUrl)
    {
        // Compare with a trailing slash on both sides so https://a.example does not admit https://a.example.evil.
        var target = WithSlash(serviceUrl.AbsoluteUri);
        foreach (var allowed in options.Value.AllowedServiceUrls)
        {
            if (Uri.TryCreate(allowed, UriKind.Absolute, out var prefix)
                && target.StartsWith(WithSlash(prefix.AbsoluteUri), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static string WithSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
