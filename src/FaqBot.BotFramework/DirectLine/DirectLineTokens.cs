using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>Signs and checks our Direct Line tokens: HS256 JWTs bound to one conversation and one user.</summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "faqbot-directline";
    // Separate audiences keep a 60-second stream token from being usable as a 30-minute bearer token and vice versa.
    private const string BearerAudience = "directline";
    private const string StreamAudience = "directline-stream";
    private const string ConversationClaim = "conv";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials credentials;
    private readonly SymmetricSecurityKey key;
    private readonly DirectLineOptions options;
    private readonly TimeProvider clock;

    public DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        this.options = options.Value;
        this.clock = clock;
        var configured = this.options.TokenSigningKey;
        var bytes = string.IsNullOrWhiteSpace(configured) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(configured);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("DirectLine:TokenSigningKey must be base64 of at least 32 bytes.");
        }

        key = new SymmetricSecurityKey(bytes);
        credentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256);
    }

    public IssuedToken IssueBearer(string conversationId, string userId) =>
        Issue(conversationId, userId, BearerAudience, options.TokenLifetime);

    public IssuedToken IssueStream(string conversationId, string userId) =>
        Issue(conversationId, userId, StreamAudience, options.StreamUrlLifetime);

    public Task<TokenCheck> CheckBearerAsync(string token) => CheckAsync(token, BearerAudience);

    public Task<TokenCheck> CheckStreamAsync(string token) => CheckAsync(token, StreamAudience);

    private IssuedToken Issue(string conversationId, string userId, string audience, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>
            {
                [ConversationClaim] = conversationId,
                [JwtRegisteredClaimNames.Sub] = userId,
                [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)),
            },
            SigningCredentials = credentials,
        });
        return new IssuedToken(token, (int)Math.Ceiling(lifetime.TotalSeconds));
    }

    private async Task<TokenCheck> CheckAsync(string token, string audience)
    {
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            // The lifetime is checked below against the same clock that signed the token (the host's TimeProvider).
            ValidateLifetime = false,
        });
        if (!result.IsValid)
        {
            return TokenCheck.Fail(result.Exception?.GetType().Name ?? "invalid token");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (result.SecurityToken.ValidTo == DateTime.MinValue || now >= result.SecurityToken.ValidTo)
        {
            return TokenCheck.Expired();
        }

        if (now < result.SecurityToken.ValidFrom)
        {
            return TokenCheck.Fail("token not yet valid");
        }

        var conversation = result.Claims.TryGetValue(ConversationClaim, out var c) ? c as string : null;
        var user = result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var u) ? u as string : null;
        return string.IsNullOrEmpty(conversation) || string.IsNullOrEmpty(user)
            ? TokenCheck.Fail("token lacks conversation or user")
            : TokenCheck.Valid(conversation, user, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero), (result.SecurityToken as JsonWebToken)?.Id ?? "");
    }
}
