using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FaqBot.BotFramework.Auth;

/// <summary>One OpenID metadata endpoint: its signing keys and their endorsements, cached and refreshed by IdentityModel.</summary>
public sealed class OpenIdMetadata
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> configuration;
    private readonly ConfigurationManager<EndorsementTable> endorsements;

    public OpenIdMetadata(string metadataUrl, HttpClient httpClient)
    {
        // HTTPS is required except on loopback, where the tests serve their own metadata.
        var retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = !new Uri(metadataUrl).IsLoopback };
        configuration = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            // Bot Framework keys may change at any time; the docs ask for a refresh at least every 24 hours.
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
        endorsements = new ConfigurationManager<EndorsementTable>(metadataUrl, new EndorsementsRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancellationToken) =>
        configuration.GetConfigurationAsync(cancellationToken);

    public Task<EndorsementTable> GetEndorsementsAsync(CancellationToken cancellationToken) =>
        endorsements.GetConfigurationAsync(cancellationToken);

    /// <summary>Asks for fresh keys, e.g. after a token named a key we have not seen (IdentityModel rate-limits this).</summary>
    public void RequestRefresh()
    {
        configuration.RequestRefresh();
        endorsements.RequestRefresh();
    }
}
