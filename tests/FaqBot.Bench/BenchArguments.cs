internal sealed record BenchArguments(string Mode, string Knowledge, string Questions, int Rounds, int Slowest, bool VsJava)
{
    public static BenchArguments? Parse(string[] args, string repoRoot)
    {
        if (args.Length == 0 || args[0] is not ("build" or "search" or "semantic" or "semantic-build" or "adversarial"))
        {
            return null;
        }

        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        return new BenchArguments(
            args[0],
            Path.GetFullPath(Value("--knowledge", Path.Combine(repoRoot, "knowledge"))),
            Path.GetFullPath(Value("--questions", Path.Combine(repoRoot, "tests", "data", "dev-questions.jsonl"))),
            int.Parse(Value("--rounds", "20"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Value("--slowest", "0"), System.Globalization.CultureInfo.InvariantCulture),
            args.Contains("--vs-java"));
    }
}
