using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace FaqBot.BotFramework.Auth;

/// <summary>UserAssignedMSI bots: the managed identity whose client id is the App ID (works only inside Azure).</summary>
public sealed class ManagedIdentityTokenProvider : IBotTokenProvider
{
    // Built on first use, so a bot without credentials never constructs an MSAL client.
    private readonly Lazy<IManagedIdentityApplication> app;
    private readonly string resource;

    public ManagedIdentityTokenProvider(IOptions<BotCredentials> credentials, IOptions<BotFrameworkOptions> options, MsalHttpClientFactory httpClients)
    {
        var clientId = credentials.Value.AppId;
        app = new(() => ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(clientId))
            .WithHttpClientFactory(httpClients)
            .Build());
        // Managed identity asks for a resource, not a scope: the scope without "/.default".
        resource = options.Value.ToChannelFromBotOAuthScope.TrimEnd('/');
        if (resource.EndsWith("/.default", StringComparison.Ordinal))
        {
            resource = resource[..^"/.default".Length];
        }
    }

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await app.Value.AcquireTokenForManagedIdentity(resource)
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }
}
