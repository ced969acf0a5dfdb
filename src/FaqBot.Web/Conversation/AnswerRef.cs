namespace FaqBot.Web.Conversation;

/// <summary>What an answer showed, so feedback on it (a button or a Teams reaction) can be recorded against the passage.</summary>
public sealed record AnswerRef(string PassageId, string Decision, double? Confidence);
