using Microsoft.Identity.Client;

namespace FaqBot.BotFramework.Auth;

/// <summary>Gives MSAL the app's named <c>BotFrameworkLogin</c> client, so token requests share its handler, timeout and no-redirect rule.</summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string HttpClientName = "BotFrameworkLogin";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientName);
}
