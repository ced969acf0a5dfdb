using YamlDotNet.Serialization;

namespace FaqBot.Knowledge.Ingestion;

// The YAML keys every article carries; unknown keys (e.g. MedQuAD's "source") are ignored.
internal sealed class FrontMatter
{
    [YamlMember(Alias = "title")] public string? Title { get; set; }
    [YamlMember(Alias = "publisher")] public string? Publisher { get; set; }
    [YamlMember(Alias = "author")] public string? Author { get; set; }
    [YamlMember(Alias = "url")] public string? Url { get; set; }
    [YamlMember(Alias = "published")] public string? Published { get; set; }
    [YamlMember(Alias = "updated")] public string? Updated { get; set; }
    [YamlMember(Alias = "reviewed_by")] public string? ReviewedBy { get; set; }
    [YamlMember(Alias = "reviewed_on")] public string? ReviewedOn { get; set; }
    [YamlMember(Alias = "language")] public string? Language { get; set; }

    // Questions in patients' words that each section answers, keyed by its heading ("(intro)": before the first).
    [YamlMember(Alias = "questions")] public Dictionary<string, List<string>>? Questions { get; set; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> SectionQuestions() =>
        (Questions ?? []).ToDictionary(
            q => q.Key.Trim(),
            q => (IReadOnlyList<string>)(q.Value ?? []).Select(x => x?.Trim() ?? "").Where(x => x.Length > 0).ToList(),
            StringComparer.OrdinalIgnoreCase);

    public Citation ToCitation() => new(
        Clean(Title), Clean(Publisher), Clean(Author), Clean(Url),
        Clean(Published), Clean(Updated), Clean(ReviewedBy), Clean(ReviewedOn));

    private static string Clean(string? value) => value?.Trim() ?? "";
}
