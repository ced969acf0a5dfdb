using Microsoft.Identity.Client;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Auth;

/// <summary>MultiTenant and SingleTenant bots: the client-credentials grant with the app password, through MSAL.</summary>
public sealed class ClientSecretTokenProvider : IBotTokenProvider
{
    // Built on first use, so a bot without credentials never constructs an MSAL client.
    private readonly Lazy<IConfidentialClientApplication> app;
    private readonly string[] scopes;

    public ClientSecretTokenProvider(IOptions<BotCredentials> credentials, IOptions<BotFrameworkOptions> options, MsalHttpClientFactory httpClients)
    {
        var bot = credentials.Value;
        var loginUrl = options.Value.ToChannelFromBotLoginUrl.TrimEnd('/');

        // SingleTenant bots get their token from their own tenant; MultiTenant from the botframework.com tenant.
        var authority = bot.AppType == BotAppType.SingleTenant
            ? loginUrl[..(loginUrl.LastIndexOf('/') + 1)] + bot.AppTenantId
            : loginUrl;

        // MSAL keeps the token in its in-memory app cache and renews it shortly before it expires.
        // A loopback login URL is a local stand-in for Entra (the tests use one): there is nothing to discover or validate.
        var remote = !new Uri(authority).IsLoopback;
        app = new(() => ConfidentialClientApplicationBuilder.Create(bot.AppId)
            .WithAuthority(authority, validateAuthority: remote)
            .WithInstanceDiscovery(remote)
            .WithClientSecret(bot.AppPassword)
            .WithHttpClientFactory(httpClients)
            .Build());
        scopes = [BotScopes.Default(options.Value.ToChannelFromBotOAuthScope)];
    }

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await app.Value.AcquireTokenForClient(scopes)
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }
}
