using FaqBot.Knowledge.Answering;

namespace FaqBot.Knowledge.Feedback;

/// <summary>One decision the bot took, without any text, for the per-decision counts of the staff report.</summary>
public sealed record DecisionEvent(DecisionKind Decision, string? PassageId, double? Confidence, string? UrgentRule, bool PersonalAdvice);
