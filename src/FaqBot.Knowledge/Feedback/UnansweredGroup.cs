namespace FaqBot.Knowledge.Feedback;

/// <summary>Unanswered questions that read the same once lower-cased and stripped of punctuation.</summary>
public sealed record UnansweredGroup(string Question, int Count, DateTimeOffset FirstAsked, DateTimeOffset LastAsked);
