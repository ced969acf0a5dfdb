using System.Collections.Frozen;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FaqBot.Knowledge.Search;

/// <summary>
/// Passages staff took out of answers (knowledge/hidden-passages.yaml): a staff decision kept beside the articles, so it
/// survives index rebuilds and shows in git. Search skips them; the file is read at start and written by the staff
/// console, which takes effect at once.
/// </summary>
public sealed class HiddenPassages
{
    public const string FileName = "hidden-passages.yaml";

    private const string Header = """
        # Passages hidden from the bot's answers by clinic staff (the staff console writes this file; editing it by hand
        # works too, then restart the bot). Each entry: the passage id, who hid it, why, and when (UTC).

        """;

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    private readonly Lock _writeLock = new();
    private FrozenDictionary<string, HiddenPassage> _byId;
    private long _version;

    private HiddenPassages(string? path, IReadOnlyList<HiddenPassage> entries)
    {
        FilePath = path;
        _byId = ById(entries);
    }

    /// <summary>Nothing hidden, and nowhere to write (a searcher opened without a knowledge folder).</summary>
    public static HiddenPassages None { get; } = new(null, []);

    /// <summary>The file; null for <see cref="None"/>.</summary>
    public string? FilePath { get; }

    public int Count => _byId.Count;

    /// <summary>Changes every time a passage is hidden or shown again, so caches of search results know to forget.</summary>
    public long Version => Interlocked.Read(ref _version);

    public IReadOnlyList<HiddenPassage> Entries => [.. _byId.Values.OrderBy(e => e.Passage, StringComparer.Ordinal)];

    public bool Contains(string passageId) => _byId.ContainsKey(passageId);

    /// <summary>Reads the folder's file; a missing file hides nothing, a broken one adds a warning and hides nothing.</summary>
    public static HiddenPassages Load(string folder, ICollection<string>? warnings = null)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            return new HiddenPassages(path, Read(path));
        }
        catch (YamlException e)
        {
            warnings?.Add($"{FileName}:{e.Start.Line}: {e.Message} No passage is hidden until it is fixed.");
            return new HiddenPassages(path, []);
        }
    }

    /// <summary>Hides a passage (again: the newer who and why replace the older) and writes the file.</summary>
    /// <exception cref="UnauthorizedAccessException">The knowledge folder is read-only.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public void Hide(string passageId, string by, string why, DateTimeOffset at) =>
        Change(entries => [.. entries.Where(e => e.Passage != passageId), new HiddenPassage(passageId, by, why, at.UtcDateTime.ToString("yyyy-MM-dd HH:mm"))]);

    /// <summary>Lets search use a hidden passage again and writes the file.</summary>
    public void Show(string passageId) => Change(entries => [.. entries.Where(e => e.Passage != passageId)]);

    private void Change(Func<IReadOnlyList<HiddenPassage>, IReadOnlyList<HiddenPassage>> change)
    {
        var path = FilePath ?? throw new InvalidOperationException("These hidden passages have no file.");
        lock (_writeLock)
        {
            // The file as it is now: a hand edit since start is kept, not overwritten by this process's old copy.
            var current = File.Exists(path) ? Read(path) : _byId.Values.ToList();
            var next = change(current).OrderBy(e => e.Passage, StringComparer.Ordinal).ToList();
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, Header + Writer.Serialize(new HiddenFile { Hidden = next }));
            File.Move(temporary, path, overwrite: true);
            _byId = ById(next);
            Interlocked.Increment(ref _version);
        }
    }

    private static List<HiddenPassage> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var file = Reader.Deserialize<HiddenFile?>(File.ReadAllText(path));
        return file?.Hidden?.Where(e => !string.IsNullOrWhiteSpace(e.Passage)).ToList() ?? [];
    }

    private static FrozenDictionary<string, HiddenPassage> ById(IEnumerable<HiddenPassage> entries) =>
        entries.GroupBy(e => e.Passage.Trim(), StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    private sealed class HiddenFile
    {
        public List<HiddenPassage>? Hidden { get; set; }
    }
}

/// <summary>One hidden passage: its id, who hid it, why, and when (UTC, as written in the file).</summary>
public sealed record HiddenPassage(string Passage, string By, string Why, string At)
{
    // YamlDotNet builds records through a parameterless constructor and setters.
    public HiddenPassage() : this("", "", "", "")
    {
    }
}
