using System.Diagnostics;

namespace FaqBot.Knowledge.Index;

// The index path is a folder of generations: each build writes a private ".building-…" folder, renames it to a
// "g-…" generation when its commit is done, and then replaces the one-line CURRENT file by rename(2), which is
// atomic. A reader reads CURRENT and opens the generation it names, so it never sees half an index, and a killed
// build leaves only a ".building-…" folder nobody reads. Readers of the previous generation keep their open
// (memory-mapped) files; older generations are deleted.
internal static class IndexFolder
{
    private const string CurrentFile = "CURRENT";
    private const string LockFile = ".swap.lock";
    private const string GenerationPrefix = "g-";
    private const string BuildingPrefix = ".building-";

    /// <summary>The folder of the current generation, or null when there is none (or it is gone).</summary>
    public static string? Current(string indexPath)
    {
        try
        {
            var name = File.ReadAllText(Path.Combine(indexPath, CurrentFile)).Trim();
            var folder = Path.Combine(indexPath, name);
            return name.StartsWith(GenerationPrefix, StringComparison.Ordinal) && Directory.Exists(folder) ? folder : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string NewBuildFolder(string indexPath)
    {
        // An index file of the SQLite engine at this path: an old schema, replaced by a folder.
        if (File.Exists(indexPath))
        {
            File.Delete(indexPath);
        }

        var folder = Path.Combine(indexPath, $"{BuildingPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Makes a finished build the current generation. Two builds that finish together take turns here; the
    /// later one wins and both leave a valid index.</summary>
    public static void Publish(string indexPath, string buildFolder)
    {
        using var swapLock = Lock(indexPath);
        var previous = Current(indexPath);
        var generation = $"{GenerationPrefix}{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..8]}";
        Directory.Move(buildFolder, Path.Combine(indexPath, generation));
        var pending = Path.Combine(indexPath, $".{CurrentFile}.{Guid.NewGuid():N}");
        File.WriteAllText(pending, generation);
        File.Move(pending, Path.Combine(indexPath, CurrentFile), overwrite: true);
        DeleteStale(indexPath, keep: [generation, previous is null ? "" : Path.GetFileName(previous)]);
    }

    public static void Discard(string buildFolder)
    {
        try
        {
            if (Directory.Exists(buildFolder))
            {
                Directory.Delete(buildFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next build's clean-up.
        }
    }

    // Only under the swap lock, so no other build is between renaming its generation and naming it CURRENT.
    private static void DeleteStale(string indexPath, string[] keep)
    {
        foreach (var folder in Directory.GetDirectories(indexPath))
        {
            var name = Path.GetFileName(folder);
            var stale = name.StartsWith(GenerationPrefix, StringComparison.Ordinal) ? !keep.Contains(name)
                : name.StartsWith(BuildingPrefix, StringComparison.Ordinal) && !BuilderAlive(name);
            if (stale)
            {
                Discard(folder);
            }
        }
    }

    // ".building-{pid}-{guid}": a build whose process is gone was killed.
    private static bool BuilderAlive(string name)
    {
        var pid = name[BuildingPrefix.Length..].Split('-')[0];
        if (!int.TryParse(pid, out var id))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // FileShare.None is an exclusive advisory lock between processes on Linux and Windows alike.
    private static FileStream Lock(string indexPath)
    {
        var path = Path.Combine(indexPath, LockFile);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(50);
            }
        }
    }
}
