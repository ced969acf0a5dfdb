namespace FaqBot.Knowledge.Triage;

/// <param name="Start">Index of the first matched token in its sentence.</param>
/// <param name="End">One past the last matched token.</param>
/// <param name="Covered">Token indices the pattern's own words occupy; the words between them are not in it.</param>
public sealed record PatternMatch(int Start, int End, IReadOnlySet<int> Covered);
