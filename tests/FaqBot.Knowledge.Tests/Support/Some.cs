namespace FaqBot.Knowledge.Tests.Support;

/// <summary>Anonymous test data: articles as Markdown text and the fixture folder.</summary>
public static class Some
{
    public static string FixturesFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Article(string body, string title = "A Test Article") => $"""
        ---
        title: "{title}"
        publisher: "Test Clinic"
        author: ""
        url: ""
        published: ""
        updated: ""
        reviewed_by: ""
        reviewed_on: ""
        language: "en"
        ---

        {body}
        """;

    /// <summary>Copies the fixture articles into <paramref name="folder"/> and returns it.</summary>
    public static string CopyFixtures(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(FixturesFolder, "*.md"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        return folder;
    }

    public static string Sentences(int count, string topic = "collagen") =>
        string.Join(" ", Enumerable.Range(1, count).Select(i => $"Sentence number {i} says something calm about {topic} and healing skin."));
}
