using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.Auth;

/// <summary>One OpenID metadata endpoint: its signing keys and their endorsements, cached and refreshed by IdentityModel.</summary>
public sealed class OpenIdMetadata
{
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler handler = new();
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

    /// <summary>Validates signature, issuer, audience and lifetime against this endpoint's keys; an unknown key id triggers one refresh.</summary>
    public async Task<TokenValidationResult> ValidateAsync(string token, IReadOnlyList<string> issuers, string audience, CancellationToken cancellationToken)
    {
        var result = await ValidateOnceAsync(token, issuers, audience, cancellationToken).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // New keys may appear at any time: refresh (IdentityModel rate-limits this) and try again once.
            configuration.RequestRefresh();
            endorsements.RequestRefresh();
            result = await ValidateOnceAsync(token, issuers, audience, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>Which channels each key may sign for, or null when the key set cannot be read (callers then reject).</summary>
    public async Task<EndorsementTable?> TryGetEndorsementsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await endorsements.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<TokenValidationResult> ValidateOnceAsync(string token, IReadOnlyList<string> issuers, string audience, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration keys;
        try
        {
            keys = await configuration.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // No keys, no trust: an unreachable metadata endpoint fails closed.
            return new TokenValidationResult { IsValid = false, Exception = ex };
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = audience,
            ValidAlgorithms = AllowedAlgorithms,
            IssuerSigningKeys = keys.SigningKeys,
            // The key must be the one the token names; never fall back to trying every key.
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        };
        return await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
    }
}
