using FaqBot.Knowledge.Answering;

namespace FaqBot.Knowledge.Feedback;

/// <summary>A patient's helpful / not helpful on one answer; ids are hashed, the reason and question redacted before writing.</summary>
/// <param name="Decision">What kind of reply was rated (an answer, or a clinic fact).</param>
/// <param name="Question">What the patient asked that this answer answered, when the caller knows it; shown to staff with a "not helpful".</param>
public sealed record FeedbackEntry(
    string PassageId,
    DecisionKind Decision,
    double? Confidence,
    bool Helpful,
    string? Reason,
    string ConversationId,
    string UserId,
    string? Question = null);
