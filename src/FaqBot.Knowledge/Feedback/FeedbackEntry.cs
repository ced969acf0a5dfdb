namespace FaqBot.Knowledge.Feedback;

/// <summary>A patient's helpful / not helpful on one answer; ids are hashed and the reason redacted before writing.</summary>
public sealed record FeedbackEntry(
    string PassageId,
    string Decision,
    double? Confidence,
    bool Helpful,
    string? Reason,
    string ConversationId,
    string UserId);
