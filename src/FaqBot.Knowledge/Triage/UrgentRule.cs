namespace FaqBot.Knowledge.Triage;

/// <summary>One kind of message that needs care now, e.g. "trouble breathing", with the patterns that recognise it.</summary>
/// <param name="EvenInQuestions">Fire also when the message is phrased as a general or future question.</param>
/// <param name="Unless">Phrases that cancel a match they overlap ("fever blister" is not a fever).</param>
/// <param name="IgnoreNegation">Fire even after "no"/"not" (self-harm: a denial is not taken at face value).</param>
/// <param name="Crisis">Thoughts of suicide or self-harm: the reply leads with the crisis line (the id is the staff's to rename).</param>
public sealed record UrgentRule(string Id, string Title, bool EvenInQuestions, bool IgnoreNegation, IReadOnlyList<UrgentPattern> Patterns, IReadOnlyList<TermGroup> Unless, bool Crisis = false);
