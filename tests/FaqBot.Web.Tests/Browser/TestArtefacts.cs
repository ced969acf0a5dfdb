using System.Reflection;

namespace FaqBot.Web.Tests.Browser;

/// <summary>Where a browser test keeps its step screenshots: test-artifacts/browser/&lt;test&gt;/ under the repo root.</summary>
public sealed class TestArtefacts
{
    private int step;

    private TestArtefacts(string folder) => Folder = folder;

    public string Folder { get; }

    public static TestArtefacts For(string testName)
    {
        var repoRoot = typeof(TestArtefacts).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepoRoot").Value!;
        var folder = Path.Combine(repoRoot, "test-artifacts", "browser", testName);

        // Screenshots from an earlier run would be mistaken for this run's.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return new TestArtefacts(folder);
    }

    public string NextScreenshot(string what) => Path.Combine(Folder, $"{++step:00}-{what}.png");
}
