using FaqBot.Knowledge;

/// <summary>The knowledge options the semantic and adversarial modes share: the folder under test with the bundled
/// synonyms, and the bundled not-covered examples when the folder is the bundled one.</summary>
internal static class BenchKnowledge
{
    public static KnowledgeOptions Options(BenchArguments arguments, string indexPath, string repoRoot)
    {
        var bundled = new KnowledgeOptions().ResolvedAgainst(repoRoot);
        return new KnowledgeOptions
        {
            Path = arguments.Knowledge,
            IndexPath = indexPath + "-semantic",
            SynonymsFile = bundled.SynonymsFile,
            NotCoveredFile = Path.GetFullPath(arguments.Knowledge) == bundled.Path ? bundled.NotCoveredFile : "",
        };
    }
}
