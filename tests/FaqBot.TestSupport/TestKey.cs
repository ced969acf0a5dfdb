using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.TestSupport;

/// <summary>A test RSA key with its key id and the channels it is endorsed for.</summary>
public sealed class TestKey(string keyId, string[] endorsements, RSA rsa)
{
    // Generating RSA keys is slow, so each role has one key for the whole run; keys are never modified.
    private static readonly RSA[] Pool = [.. Enumerable.Range(0, 4).Select(_ => RSA.Create(2048))];

    /// <summary>A key no metadata document publishes.</summary>
    public static TestKey Rogue(string keyId) => new(keyId, [], Pool[3]);

    internal static RSA Shared(int role) => Pool[role];

    public RSA Rsa { get; } = rsa;
    public string KeyId { get; } = keyId;

    public SigningCredentials Credentials(string? keyIdOverride = null) =>
        new(new RsaSecurityKey(Rsa) { KeyId = keyIdOverride ?? KeyId }, SecurityAlgorithms.RsaSha256);

    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
        }
        return jwk;
    }
}
