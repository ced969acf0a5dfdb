namespace FaqBot.BotFramework.DirectLine;

/// <summary>The outcome of checking a Direct Line token: the conversation and user it grants, or why it grants nothing.</summary>
public sealed record TokenCheck(bool IsValid, bool IsExpired, string ConversationId, string UserId, string Reason, DateTimeOffset ExpiresAt = default, string TokenId = "")
{
    public static TokenCheck Valid(string conversationId, string userId, DateTimeOffset expiresAt, string tokenId = "") => new(true, false, conversationId, userId, "", expiresAt, tokenId);

    public int SecondsLeft(DateTimeOffset now) => Math.Max(0, (int)(ExpiresAt - now).TotalSeconds);

    public static TokenCheck Expired() => new(false, true, "", "", "token expired");

    public static TokenCheck Fail(string reason) => new(false, false, "", "", reason);
}
