using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.TestSupport;

/// <summary>A staff member as the fake identity provider signs them in.</summary>
public sealed record StaffUser(string Subject, string Name, string Email, string[] Groups, string[]? Roles = null);

/// <summary>
/// Plays an OpenID Connect provider (Entra ID, or any other) for the staff console, on the fake login server: a
/// discovery document, an authorize endpoint that signs in <see cref="User"/> at once and sends the browser back with
/// a code, and a token endpoint that checks the code, redirect URI, client and PKCE verifier and returns an id_token
/// signed with a test key.
/// </summary>
public sealed class FakeStaffProvider
{
    public const string ClientId = "staff-console-client";
    public const string ClientSecret = "staff-console-secret";

    private readonly ConcurrentDictionary<string, Grant> grants = new();
    private int signIns;

    public TestKey Key { get; } = new("staff-key-1", [], TestKey.Shared(2));

    /// <summary>The issuer and authority, e.g. http://127.0.0.1:port/staff-idp; set when the server starts.</summary>
    public string Authority { get; internal set; } = "";

    /// <summary>Who the next sign-in is.</summary>
    public StaffUser User { get; set; } = new("staff-1", "Nurse Jane", "jane@clinic.example", ["staff-group"]);

    /// <summary>Codes exchanged for tokens so far.</summary>
    public int SignIns => signIns;

    internal void Map(WebApplication app)
    {
        app.MapGet("/staff-idp/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"{Authority}/authorize",
            ["token_endpoint"] = $"{Authority}/token",
            ["end_session_endpoint"] = $"{Authority}/logout",
            ["jwks_uri"] = $"{Authority}/keys",
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
        }));
        app.MapGet("/staff-idp/keys", () => Results.Json(new JsonObject { ["keys"] = new JsonArray(Key.ToJwk()) }));
        app.MapGet("/staff-idp/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256"
                || string.IsNullOrEmpty(query["redirect_uri"]) || string.IsNullOrEmpty(query["nonce"]))
            {
                return Results.BadRequest("bad authorize request");
            }

            var code = Guid.NewGuid().ToString("N");
            grants[code] = new Grant(query["redirect_uri"]!, query["nonce"]!, query["code_challenge"]!, User);
            return Results.Redirect(QueryHelpers.AddQueryString(query["redirect_uri"]!, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
        });
        app.MapPost("/staff-idp/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !grants.TryRemove(form["code"].ToString(), out var grant)
                || form["redirect_uri"] != grant.RedirectUri || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || Challenge(form["code_verifier"].ToString()) != grant.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            Interlocked.Increment(ref signIns);
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = Guid.NewGuid().ToString("N"), id_token = IdToken(grant) });
        });
    }

    private string IdToken(Grant grant)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = grant.User.Subject,
            ["name"] = grant.User.Name,
            ["preferred_username"] = grant.User.Email,
            ["nonce"] = grant.Nonce,
            ["groups"] = grant.User.Groups,
        };
        if (grant.User.Roles is { } roles)
        {
            claims["roles"] = roles;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            SigningCredentials = Key.Credentials(),
        });
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private sealed record Grant(string RedirectUri, string Nonce, string CodeChallenge, StaffUser User);
}
