using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.Auth;

/// <summary>One OpenID endpoint's signing keys and which channels each may sign for, read in one fetch.</summary>
public sealed record SigningKeySet(IReadOnlyList<SecurityKey> Keys, EndorsementTable Endorsements);

/// <summary>
/// Follows the metadata document's <c>jwks_uri</c> and reads the keys and their non-standard <c>endorsements</c> member
/// from the same response, so a refresh is one metadata GET and one key GET (parsed here because IdentityModel does not
/// promise to keep unknown JWK members).
/// </summary>
public sealed class SigningKeySetRetriever : IConfigurationRetriever<SigningKeySet>
{
    public async Task<SigningKeySet> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        string jwksUri;
        using (var metadataJson = JsonDocument.Parse(metadata))
        {
            jwksUri = metadataJson.RootElement.GetProperty("jwks_uri").GetString()
                ?? throw new InvalidOperationException("OpenID metadata has no jwks_uri.");
        }

        var keysDocument = await retriever.GetDocumentAsync(jwksUri, cancel).ConfigureAwait(false);
        var keys = new JsonWebKeySet(keysDocument).GetSigningKeys();
        using var keysJson = JsonDocument.Parse(keysDocument);
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in keysJson.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (key.TryGetProperty("kid", out var kid) && kid.GetString() is { } id)
            {
                table[id] = key.TryGetProperty("endorsements", out var endorsements) && endorsements.ValueKind == JsonValueKind.Array
                    ? [.. endorsements.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : "")]
                    : [];
            }
        }
        return new SigningKeySet([.. keys], new EndorsementTable(table));
    }
}
