using System.Security.Cryptography;

namespace FaqBot.Knowledge.Ingestion;

/// <summary>The articles of one knowledge folder, the errors of those that failed, and a hash of the content.</summary>
public sealed record KnowledgeFolder(IReadOnlyList<Article> Articles, IReadOnlyList<ArticleError> Errors, string ContentHash)
{
    /// <summary>Hashes the folder's article files without parsing them, so an unchanged index is reused cheaply.</summary>
    public static string HashContent(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in ArticleFiles(folder))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, path).Replace('\\', '/') + "\0"));
            hash.AppendData(File.ReadAllBytes(path));
        }

        AppendStaffDecisions(hash, folder);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    public static KnowledgeFolder Read(string folder, IProgress<int>? progress = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Knowledge folder not found: {folder}");
        }

        var articles = new List<Article>();
        var errors = new List<ArticleError>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in ArticleFiles(folder))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var bytes = File.ReadAllBytes(path);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(relative + "\0"));
            hash.AppendData(bytes);
            var (article, error) = ArticleReader.Read(path, bytes, relative);
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (article is not null && seen.TryGetValue(article.DocId, out var first))
            {
                errors.Add(new ArticleError(relative, 1, $"duplicate article id '{article.DocId}': {first} already has it; rename one file"));
            }
            else if (article is not null)
            {
                seen[article.DocId] = relative;
                articles.Add(article);
            }

            progress?.Report(articles.Count + errors.Count);
        }

        AppendStaffDecisions(hash, folder);
        return new KnowledgeFolder(articles, errors, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
    }

    // Passages staff hid are part of the content: a change to them makes the caches built from it (index, vectors) new.
    private static void AppendStaffDecisions(IncrementalHash hash, string folder)
    {
        var hidden = Path.Combine(folder, Search.HiddenPassages.FileName);
        if (File.Exists(hidden))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Search.HiddenPassages.FileName + "\0"));
            hash.AppendData(File.ReadAllBytes(hidden));
        }
    }

    /// <summary>Subfolders of Markdown that are not articles: <c>pages/</c> holds the web page's privacy and terms
    /// texts, which must never be quoted as an answer (the clinic's facts in <c>clinic/</c> are read by ClinicFacts).</summary>
    public const string PagesFolder = "pages";

    private static readonly HashSet<string> NotArticles = new([PagesFolder, Clinic.ClinicFacts.FolderName], StringComparer.OrdinalIgnoreCase);

    // The first folder below the knowledge folder a file is in ("" for a file at the top).
    private static string TopFolder(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : relative[..slash];
    }

    // Every Markdown file below the folder except READMEs, the pages and the clinic's facts, in a stable order so the
    // hash is stable.
    private static IEnumerable<string> ArticleFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Where(p => !Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Where(p => !NotArticles.Contains(TopFolder(folder, p)))
            .Order(StringComparer.Ordinal);
}
