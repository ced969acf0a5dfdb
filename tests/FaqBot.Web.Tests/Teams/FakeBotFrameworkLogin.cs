using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.Web.Tests.Teams;

/// <summary>
/// Plays login.botframework.com on loopback (OpenID metadata and a signing key endorsed for <c>msteams</c>) and mints
/// the channel tokens Teams would send, so the real bot authenticates Teams traffic as in production.
/// </summary>
public sealed class FakeBotFrameworkLogin : IAsyncDisposable, IBotTokenProvider
{
    public const string AppId = "6c1e0f4b-9a7d-4e2c-b8a3-5d2f1e0c9b7a";
    public const string BotToken = "bot-token-from-entra";
    private const string KeyId = "teams-test-key";

    private readonly WebApplication app;
    private readonly RSA rsa = RSA.Create(2048);

    private FakeBotFrameworkLogin(WebApplication app) => this.app = app;

    public string MetadataUrl { get; private set; } = "";

    /// <summary>The settings that switch the bot's authentication on against this provider.</summary>
    public IReadOnlyDictionary<string, string?> BotSettings => new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-faked",
        ["MicrosoftAppTenantId"] = "2b8e6d4c-0a1f-4e3b-9c7d-8f6e5d4c3b2a",
        ["BotFramework:ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl,
    };

    public static async Task<FakeBotFrameworkLogin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var login = new FakeBotFrameworkLogin(app);
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext c) => Results.Json(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["jwks_uri"] = $"{c.Request.Scheme}://{c.Request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/v1/.well-known/keys", () => Results.Json(new JsonObject { ["keys"] = new JsonArray(login.PublicJwk()) }));
        await app.StartAsync();
        var origin = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        login.MetadataUrl = $"{origin}/v1/.well-known/openidconfiguration";
        return login;
    }

    /// <summary>A token as the Bot Framework signs it for Teams: issuer, audience = App ID, the activity's serviceUrl.</summary>
    public string ChannelToken(string serviceUrl) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://api.botframework.com",
        Audience = AppId,
        Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
        Subject = new ClaimsIdentity(),
        Expires = DateTime.UtcNow.AddMinutes(30),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
    });

    // Stands in for MSAL: the bot's own token, so tests see where it is sent.
    public Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult(BotToken);

    private JsonObject PublicJwk()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            // The Bot Framework's keys list the channels they may sign for; Teams activities need msteams.
            ["endorsements"] = new JsonArray("msteams"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        rsa.Dispose();
    }
}
