using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Ingestion;

namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// Gives each passage the patient questions of its section (front matter <c>questions:</c>, keyed by heading). A
/// section cut into several passages shares its questions out: each goes to the passage it reads most like, so two
/// passages of one section do not answer the same question.
/// </summary>
public static class SectionQuestions
{
    /// <param name="warnings">Receives a line for every key that names no heading of its article.</param>
    public static Dictionary<string, IReadOnlyList<string>> ByPassage(IEnumerable<(Article Article, IReadOnlyList<Passage> Passages)> articles,
        SentenceEmbedder embedder, ICollection<string>? warnings = null)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (article, passages) in articles)
        {
            foreach (var (key, questions) in article.Questions ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                var section = passages.Where(p => key == Article.IntroKey ? p.HeadingPath.Count == 0 : string.Equals(p.Heading, key, StringComparison.OrdinalIgnoreCase)).ToList();
                if (section.Count == 0)
                {
                    warnings?.Add($"{article.SourceFile}: questions for \"{key}\", but the article has no such heading; they are not used.");
                    continue;
                }

                var assigned = section.ToDictionary(p => p.Id, _ => new List<string>());
                if (section.Count == 1)
                {
                    assigned[section[0].Id].AddRange(questions);
                }
                else
                {
                    var texts = section.Select(p => embedder.EmbedDocument(p.Text)).ToList();
                    foreach (var question in questions)
                    {
                        var vector = embedder.EmbedQuery(question);
                        var best = Enumerable.Range(0, section.Count).MaxBy(i => Vectors.Similarity(vector, texts[i]));
                        assigned[section[best].Id].Add(question);
                    }
                }

                foreach (var (id, list) in assigned)
                {
                    result[id] = result.TryGetValue(id, out var existing) ? [.. existing, .. list] : list;
                }
            }
        }

        return result;
    }
}
