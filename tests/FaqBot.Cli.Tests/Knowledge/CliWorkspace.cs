namespace FaqBot.Cli.Tests.Knowledge;

/// <summary>A temp folder laid out like a checkout: appsettings.json, knowledge/ with two small articles and synonyms, data/.</summary>
internal sealed class CliWorkspace : IDisposable
{
    public CliWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("faqbot-cli-").FullName;
        File.WriteAllText(System.IO.Path.Combine(Root, "appsettings.json"), """
            { "Knowledge": { "Path": "knowledge", "IndexPath": "data/index", "SynonymsFile": "knowledge/synonyms.txt" } }
            """);
        WriteArticle("knowledge", "sunscreen.md", "Sunscreen Basics", """
            Sunscreen protects the skin from ultraviolet light.

            ## How to apply it

            Apply it fifteen minutes before going outside and reapply every two hours. Use about a teaspoon for the face.
            """);
        WriteArticle("knowledge", "peels.md", "Chemical Peels", """
            A chemical peel removes the outer layer of skin with an acid solution.

            ## Recovery

            Peeling skin and redness last about a week after a medium peel.
            """);
        File.WriteAllText(System.IO.Path.Combine(Root, "knowledge", "synonyms.txt"), "flaky, flaking => peeling\n");

        // ask and eval decide as the bot does, urgent triage by rule and by meaning included, so a checkout's rule and
        // example files come along.
        File.Copy(System.IO.Path.Combine(RepoRoot, "knowledge", "urgent-rules.yaml"), Path("knowledge", "urgent-rules.yaml"));
        File.Copy(System.IO.Path.Combine(RepoRoot, "knowledge", "urgent-examples.yaml"), Path("knowledge", "urgent-examples.yaml"));
    }

    public string Root { get; }

    private static string RepoRoot => typeof(CliWorkspace).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public void WriteArticle(string folder, string file, string title, string body)
    {
        Directory.CreateDirectory(Path(folder));
        File.WriteAllText(Path(folder, file), $"---\ntitle: \"{title}\"\npublisher: \"Test\"\nurl: \"https://example.org/{file}\"\n---\n\n{body}\n");
    }

    public string WriteQuestions(string name, params string[] lines)
    {
        File.WriteAllLines(Path(name), lines);
        return Path(name);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
