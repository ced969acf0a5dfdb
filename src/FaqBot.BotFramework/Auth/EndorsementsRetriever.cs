using System.Text.Json;
using Microsoft.IdentityModel.Protocols;

namespace FaqBot.BotFramework.Auth;

/// <summary>
/// Reads which channels each signing key is endorsed for (the non-standard <c>endorsements</c> JWK member), by following the
/// metadata document's <c>jwks_uri</c>; parsed here because IdentityModel does not promise to keep unknown JWK members.
/// </summary>
public sealed class EndorsementsRetriever : IConfigurationRetriever<EndorsementTable>
{
    public async Task<EndorsementTable> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        using var metadataJson = JsonDocument.Parse(metadata);
        var jwksUri = metadataJson.RootElement.GetProperty("jwks_uri").GetString()
            ?? throw new InvalidOperationException("OpenID metadata has no jwks_uri.");

        var keys = await retriever.GetDocumentAsync(jwksUri, cancel).ConfigureAwait(false);
        using var keysJson = JsonDocument.Parse(keys);
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in keysJson.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (key.TryGetProperty("kid", out var kid) && kid.GetString() is { } id)
            {
                table[id] = key.TryGetProperty("endorsements", out var endorsements) && endorsements.ValueKind == JsonValueKind.Array
                    ? [.. endorsements.EnumerateArray().Select(e => e.GetString() ?? "")]
                    : [];
            }
        }
        return new EndorsementTable(table);
    }
}
