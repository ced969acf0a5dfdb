using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.TestSupport;

/// <summary>Mints channel and Emulator tokens, good and bad, signed with the fake login server's keys.</summary>
public static class TestTokens
{
    public const string AppId = "9a4f7c2e-3b1d-4e8a-b6f0-2c5d7e9a1b3c";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Channel(
        SigningCredentials? signing, string serviceUrl, string issuer = ChannelIssuer, string audience = AppId,
        DateTime? notBefore = null, DateTime? expires = null, bool withServiceUrlClaim = true)
    {
        var claims = new Dictionary<string, object>();
        if (withServiceUrlClaim)
        {
            claims["serviceurl"] = serviceUrl;
        }
        return Create(signing, issuer, audience, claims, notBefore, expires);
    }

    public static string Emulator(SigningCredentials signing, string issuer = EmulatorIssuerV2, string appId = AppId, string version = "2.0")
    {
        var appIdClaim = version == "2.0" ? "azp" : "appid";
        return Create(signing, issuer, AppId, new Dictionary<string, object> { ["ver"] = version, [appIdClaim] = appId, ["tid"] = "f8cdef31-a31e-4b4a-93e4-5f571e91255a" }, null, null);
    }

    private static string Create(
        SigningCredentials? signing, string issuer, string audience, Dictionary<string, object> claims, DateTime? notBefore, DateTime? expires)
    {
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            // Null signing credentials produce an unsigned token with "alg": "none".
            SigningCredentials = signing,
        });
    }
}
