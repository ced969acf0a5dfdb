using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.Tests.Support;

/// <summary>
/// Plays login.botframework.com and the Entra endpoint on loopback: OpenID metadata and JWKS for test RSA keys,
/// the channel keys carrying <c>endorsements</c>, so the bot validates tokens exactly as it would in production.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeIdentityProvider(WebApplication app) => this.app = app;

    /// <summary>Endorsed for every channel the tests use.</summary>
    public TestKey ChannelKey { get; } = new("channel-key-1", ["emulator", "webchat", "directline", "msteams"], TestKey.Shared(0));
    /// <summary>Published, but endorsed for Teams only.</summary>
    public TestKey TeamsOnlyKey { get; } = new("teams-only-key", ["msteams"], TestKey.Shared(1));
    /// <summary>An Entra key: no endorsements, like the keys Emulator tokens are signed with.</summary>
    public TestKey EmulatorKey { get; } = new("entra-key-1", [], TestKey.Shared(2));

    public string ChannelMetadataUrl { get; private set; } = "";
    public string EmulatorMetadataUrl { get; private set; } = "";

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeIdentityProvider(app);
        // jwks_uri is absolute, so it is built from the address the metadata was fetched at.
        static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
        app.MapGet("/channel/.well-known/openidconfiguration", (HttpContext c) => Metadata("https://api.botframework.com", $"{Origin(c)}/channel/keys"));
        app.MapGet("/channel/keys", () => Keys(provider.ChannelKey, provider.TeamsOnlyKey));
        app.MapGet("/emulator/.well-known/openid-configuration", (HttpContext c) => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", $"{Origin(c)}/emulator/keys"));
        app.MapGet("/emulator/keys", () => Keys(provider.EmulatorKey));
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        provider.ChannelMetadataUrl = $"{origin}/channel/.well-known/openidconfiguration";
        provider.EmulatorMetadataUrl = $"{origin}/emulator/.well-known/openid-configuration";
        return provider;
    }

    private static IResult Metadata(string issuer, string jwksUri) => Results.Json(new JsonObject
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    });

    private static IResult Keys(params TestKey[] keys) => Results.Json(new JsonObject
    {
        ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.ToJwk())]),
    });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

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
}
