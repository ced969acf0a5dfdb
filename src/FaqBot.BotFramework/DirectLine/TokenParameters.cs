using System.Text.Json.Serialization;
using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>Optional body of <c>tokens/generate</c>: the user the token is for.</summary>
public sealed record TokenParameters(
    [property: JsonPropertyName("user")] ChannelAccount? User = null,
    [property: JsonPropertyName("trustedOrigins")] string[]? TrustedOrigins = null);
