using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.TestSupport;

/// <summary>
/// Plays login.botframework.com and the Entra endpoints on loopback: OpenID metadata and JWKS for the test keys, the
/// channel keys carrying <c>endorsements</c>, so the bot validates tokens exactly as in production; and a token
/// endpoint that records each client-credentials request the bot's MSAL client makes.
/// </summary>
public sealed class FakeLoginServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<TokenRequest> requests = new();

    private FakeLoginServer(WebApplication app) => this.app = app;

    /// <summary>Endorsed for every channel the tests use.</summary>
    public TestKey ChannelKey { get; } = new("channel-key-1", ["emulator", "webchat", "directline", "msteams"], TestKey.Shared(0));
    /// <summary>Published, but endorsed for Teams only.</summary>
    public TestKey TeamsOnlyKey { get; } = new("teams-only-key", ["msteams"], TestKey.Shared(1));
    /// <summary>An Entra key: no endorsements, like the keys Emulator tokens are signed with.</summary>
    public TestKey EmulatorKey { get; } = new("entra-key-1", [], TestKey.Shared(2));

    public string ChannelMetadataUrl { get; private set; } = "";
    public string EmulatorMetadataUrl { get; private set; } = "";
    /// <summary>https://127.0.0.1:port; the bot's login URL is this and a tenant.</summary>
    public string TokenOrigin { get; private set; } = "";
    public IReadOnlyList<TokenRequest> Requests => [.. requests];

    /// <summary>The staff console's identity provider (OpenID Connect), at <see cref="FakeStaffProvider.Authority"/>.</summary>
    public FakeStaffProvider Staff { get; } = new();

    public static async Task<FakeLoginServer> StartAsync()
    {
        var builder = LoopbackHost.CreateBuilder(kestrel =>
        {
            // The bot reads metadata over plain HTTP from loopback; MSAL insists on HTTPS for the token endpoint.
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(LoopbackCertificate.Shared));
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        var app = builder.Build();
        var server = new FakeLoginServer(app);
        // jwks_uri is absolute, so it is built from the address the metadata was fetched at.
        static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
        app.MapGet("/channel/.well-known/openidconfiguration", (HttpContext c) => Metadata("https://api.botframework.com", $"{Origin(c)}/channel/keys"));
        app.MapGet("/channel/keys", () => Keys(server.ChannelKey, server.TeamsOnlyKey));
        app.MapGet("/emulator/.well-known/openid-configuration", (HttpContext c) => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", $"{Origin(c)}/emulator/keys"));
        app.MapGet("/emulator/keys", () => Keys(server.EmulatorKey));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            server.requests.Enqueue(new TokenRequest(tenant, form["grant_type"].ToString(), form["client_id"].ToString(), form["client_secret"].ToString(), form["scope"].ToString()));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = $"msal-token-{server.requests.Count}" });
        });
        server.Staff.Map(app);
        await app.StartAsync();
        var addresses = LoopbackHost.Addresses(app);
        var origin = addresses.Single(a => a.StartsWith("http:", StringComparison.Ordinal));
        server.Staff.Authority = $"{origin}/staff-idp";
        server.ChannelMetadataUrl = $"{origin}/channel/.well-known/openidconfiguration";
        server.EmulatorMetadataUrl = $"{origin}/emulator/.well-known/openid-configuration";
        server.TokenOrigin = addresses.Single(a => a.StartsWith("https:", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Lets the bot's MSAL client trust this server's self-signed certificate, and nothing else changes.</summary>
    public void TrustFrom(IServiceCollection services) =>
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == LoopbackCertificate.Shared.GetCertHashString() },
        });

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

    public sealed record TokenRequest(string Tenant, string GrantType, string ClientId, string ClientSecret, string Scope);
}
