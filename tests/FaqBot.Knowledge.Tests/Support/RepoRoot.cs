using System.Reflection;

namespace FaqBot.Knowledge.Tests.Support;

/// <summary>The repository root, from the assembly metadata the build writes.</summary>
public static class RepoRoot
{
    public static string Path { get; } = typeof(RepoRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
}
