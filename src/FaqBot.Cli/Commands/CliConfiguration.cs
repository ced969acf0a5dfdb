using FaqBot.Knowledge;
using Microsoft.Extensions.Configuration;

namespace FaqBot.Cli.Commands;

// The tool reads the same root appsettings.json as the bot: found by walking up from the working directory
// (a repository checkout), else next to the binary (a published tool). Relative paths in it are relative to it.
internal static class CliConfiguration
{
    public const string FileName = "appsettings.json";

    public static string? FindSettingsDirectory(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, FileName)))
            {
                return directory.FullName;
            }
        }

        return File.Exists(Path.Combine(AppContext.BaseDirectory, FileName)) ? AppContext.BaseDirectory : null;
    }

    /// <summary>The Knowledge options with absolute paths; <paramref name="knowledgeFolder"/> (--knowledge) selects another folder with its own index.</summary>
    public static KnowledgeOptions LoadKnowledgeOptions(string? knowledgeFolder)
    {
        var baseDirectory = FindSettingsDirectory(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(baseDirectory)
            .AddJsonFile(FileName, optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new KnowledgeOptions();
        configuration.GetSection(KnowledgeOptions.SectionName).Bind(options);
        options = options.ResolvedAgainst(baseDirectory);
        return string.IsNullOrWhiteSpace(knowledgeFolder) ? options : options.ForFolder(Path.GetFullPath(knowledgeFolder));
    }

    /// <summary>Opens the knowledge base, or says on stderr why not (no such folder) and returns null.</summary>
    public static async Task<KnowledgeBase?> OpenAsync(string? knowledgeFolder, CancellationToken cancellationToken, bool forceRebuild = false, IProgress<int>? progress = null)
    {
        var options = LoadKnowledgeOptions(knowledgeFolder);
        if (!Directory.Exists(options.Path))
        {
            await Console.Error.WriteLineAsync($"Knowledge folder not found: {options.Path}");
            return null;
        }

        return await KnowledgeBase.OpenAsync(options, logger: null, forceRebuild, progress, cancellationToken);
    }
}
