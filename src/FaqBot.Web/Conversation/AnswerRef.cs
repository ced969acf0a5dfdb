namespace FaqBot.Web.Conversation;

/// <summary>What an answer showed, so feedback on it (a button or the channel's own rating control) can be recorded against the passage.</summary>
public sealed record AnswerRef(string PassageId, string Decision, double? Confidence);
