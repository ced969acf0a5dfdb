namespace FaqBot.Knowledge.Triage;

/// <summary>One rule line: every term group must occur in one sentence, all within <see cref="Window"/> words.</summary>
public sealed class UrgentPattern(string source, IReadOnlyList<TermGroup> groups, int window)
{
    public const char GroupSeparator = '+';

    public string Source { get; } = source;

    public int Window { get; } = window;

    /// <summary>Parses <c>lips|tongue|throat + swollen|swelling</c>; throws <see cref="FormatException"/> on an empty group.</summary>
    public static UrgentPattern Parse(string source, int window)
    {
        var groups = new List<TermGroup>();
        foreach (var part in source.Split(GroupSeparator))
        {
            var alternatives = part.Split('|').Select(a => a.Trim()).Where(a => TriageText.PatternTokens(a).Count > 0).ToList();
            if (alternatives.Count == 0)
            {
                throw new FormatException($"the pattern \"{source}\" has an empty group (nothing between '+' signs or '|' bars)");
            }

            groups.Add(new TermGroup(alternatives));
        }

        return new UrgentPattern(source, groups, window);
    }

    /// <summary>Each way the pattern matches: the first and last token and the tokens the groups themselves cover.</summary>
    public IEnumerable<PatternMatch> MatchesIn(IReadOnlyList<string> tokens)
    {
        // Group by group, stopping at the first that does not occur: most patterns fail on their first group.
        var perGroup = new List<List<(int Start, int End)>>(groups.Count);
        foreach (var group in groups)
        {
            var matches = group.MatchesIn(tokens).ToList();
            if (matches.Count == 0)
            {
                yield break;
            }

            perGroup.Add(matches);
        }

        foreach (var combination in Combine(perGroup, 0, [], int.MaxValue, int.MinValue))
        {
            if (Overlap(combination))
            {
                continue;
            }

            var covered = new HashSet<int>(combination.SelectMany(s => Enumerable.Range(s.Start, s.End - s.Start)));
            yield return new PatternMatch(combination.Min(s => s.Start), combination.Max(s => s.End), covered);
        }
    }

    // Depth-first over the groups, dropping a branch as soon as it spans more than the window, so a long message
    // full of one word stays linear rather than a cartesian product.
    private IEnumerable<List<(int Start, int End)>> Combine(List<List<(int Start, int End)>> perGroup, int index, List<(int Start, int End)> chosen, int min, int max)
    {
        if (index == perGroup.Count)
        {
            yield return chosen;
            yield break;
        }

        foreach (var span in perGroup[index])
        {
            var newMin = Math.Min(min, span.Start);
            var newMax = Math.Max(max, span.End);
            if (newMax - newMin > Window)
            {
                continue;
            }

            foreach (var combination in Combine(perGroup, index + 1, [.. chosen, span], newMin, newMax))
            {
                yield return combination;
            }
        }
    }

    // Two groups may not claim the same word ("bleeding" cannot be both the symptom and its qualifier).
    private static bool Overlap(List<(int Start, int End)> spans) =>
        spans.SelectMany(s => Enumerable.Range(s.Start, s.End - s.Start)).GroupBy(i => i).Any(g => g.Count() > 1);
}
