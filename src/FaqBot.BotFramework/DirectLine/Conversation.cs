using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The Direct Line 3.0 <c>Conversation</c> object returned by tokens and start/reconnect calls.</summary>
public sealed record Conversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string? Token,
    // The spec spells it snake_case; a camelCase policy must not rename it.
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    [property: JsonPropertyName("streamUrl")] string? StreamUrl = null);
