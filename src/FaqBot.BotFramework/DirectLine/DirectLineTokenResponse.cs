using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>What the page's token endpoint returns: a token, the user it is bound to and where to use it.</summary>
public sealed record DirectLineTokenResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("conversationId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConversationId);
