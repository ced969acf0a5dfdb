namespace FaqBot.Knowledge.Feedback;

/// <summary>A passage patients marked not helpful, how often, and the (redacted) reasons they gave.</summary>
public sealed record NotHelpfulPassage(string PassageId, int NotHelpful, int Helpful, IReadOnlyList<string> Reasons);
