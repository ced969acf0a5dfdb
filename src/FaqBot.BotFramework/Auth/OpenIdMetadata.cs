using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.Auth;

/// <summary>One OpenID metadata endpoint: its signing keys and their endorsements, cached and refreshed by IdentityModel.</summary>
public sealed class OpenIdMetadata
{
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly JsonWebTokenHandler handler = new();
    private readonly SingleFlightKeys keys;

    public OpenIdMetadata(string metadataUrl, HttpClient httpClient, TimeSpan wait, TimeSpan retryDelay, TimeProvider time, ILogger logger)
    {
        // HTTPS is required except on loopback, where the tests serve their own metadata.
        var retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = !new Uri(metadataUrl).IsLoopback };
        var manager = new ConfigurationManager<SigningKeySet>(metadataUrl, new SigningKeySetRetriever(), retriever)
        {
            // Bot Framework keys may change at any time; the docs ask for a refresh at least every 24 hours. Refreshes after
            // the first load run in the background while the old keys keep serving (ConfigurationManager's own behaviour).
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            // An unknown key id asks for a refresh at most this often, so forged key ids cannot drive fetches.
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
        keys = new SingleFlightKeys(manager, metadataUrl, wait, retryDelay, time, logger);
    }

    public void Warm() => keys.Warm();

    /// <summary>
    /// Validates signature, issuer, audience and lifetime against this endpoint's keys, and says which channels the signing
    /// key is endorsed for; an unknown key id asks for one (rate-limited, background) refresh.
    /// </summary>
    public async Task<(TokenValidationResult Result, EndorsementTable? Endorsements)> ValidateAsync(
        string token, IReadOnlyList<string> issuers, string audience, CancellationToken cancellationToken)
    {
        var current = await keys.GetAsync(cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            // No keys, no trust: an unreachable metadata endpoint fails closed (and the reason was logged once, by the fetch).
            return (new TokenValidationResult { IsValid = false, Exception = new InvalidOperationException("signing keys unavailable") }, null);
        }

        var result = await ValidateWithAsync(current, token, issuers, audience).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // New keys may appear at any time; the next request sees them once the background refresh lands.
            keys.RequestRefresh();
        }
        return (result, current.Endorsements);
    }

    private Task<TokenValidationResult> ValidateWithAsync(SigningKeySet current, string token, IReadOnlyList<string> issuers, string audience)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = audience,
            ValidAlgorithms = AllowedAlgorithms,
            IssuerSigningKeys = current.Keys,
            // The key must be the one the token names; never fall back to trying every key.
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        };
        return handler.ValidateTokenAsync(token, parameters);
    }
}
