using FaqBot.Knowledge.Analysis;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Semantic;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Clinic;

/// <summary>
/// The clinic's own facts and the rules that find them. They are consulted only for a message the medical search has
/// declined, so they can never change a medical answer; and they have their own vocabulary ("where", "open", "park",
/// "cost"), which the articles' search treats as too common to count. By meaning, a message must read more like a
/// fact's questions than like the questions the articles answer (every message here is about skin treatment in some
/// way, so the margin matters, not the similarity): a wide margin is enough alone, a smaller one when the message also
/// uses one of the fact's own words. With semantic search off, a fact's word alone decides.
/// </summary>
public sealed class ClinicFacts
{
    /// <summary>The folder below the knowledge folder that holds the clinic's facts; articles are never read from it.</summary>
    public const string FolderName = "clinic";

    // One close question alone is weak evidence; the mean of the nearest two is steadier (as in SemanticTriage).
    private const int Neighbours = 2;

    private readonly SentenceEmbedder? _embedder;
    private readonly ClinicMargins _margins;
    private readonly IReadOnlyList<float[]> _medical;
    private readonly IReadOnlyList<(ClinicFact Fact, IReadOnlyList<string[]> Phrases, float[][] Questions)> _facts;

    /// <param name="medicalQuestions">The patient questions the articles answer (their sections' <c>questions:</c>),
    /// embedded: what a clinic question must read less like.</param>
    public ClinicFacts(IReadOnlyList<ClinicFact> facts, SentenceEmbedder? embedder = null, IReadOnlyList<float[]>? medicalQuestions = null, ClinicMargins? margins = null)
    {
        _embedder = embedder;
        _margins = margins ?? ClinicMargins.Default;
        _medical = medicalQuestions ?? [];
        _facts = facts.Select(f => (f, (IReadOnlyList<string[]>)f.Words.Select(Stems).ToList(),
            embedder is null || f.Questions.Count == 0 ? [] : KeptQueryVectors.Embed(embedder, f.Questions))).ToList();
    }

    public static ClinicFacts None { get; } = new([]);

    public IReadOnlyList<ClinicFact> All => [.. _facts.Select(f => f.Fact)];

    /// <summary>The fact of <paramref name="kind"/> (the first, by file name), if staff wrote one.</summary>
    public ClinicFact? OfKind(ClinicFactKind kind) => _facts.Select(f => f.Fact).FirstOrDefault(f => f.Kind == kind);

    /// <summary>Reads the <c>*.md</c> files of <paramref name="clinicFolder"/>; a file that fails is reported in
    /// <paramref name="errors"/> and the others still load. No folder means no facts.</summary>
    public static IReadOnlyList<ClinicFact> Read(string clinicFolder, ICollection<ArticleError> errors)
    {
        if (!Directory.Exists(clinicFolder))
        {
            return [];
        }

        var facts = new List<ClinicFact>();
        var parent = Path.GetDirectoryName(Path.GetFullPath(clinicFolder).TrimEnd('/', '\\')) ?? clinicFolder;
        foreach (var path in Directory.EnumerateFiles(clinicFolder, "*.md").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (fact, error) = ClinicFactReader.Read(path, File.ReadAllBytes(path), Path.GetRelativePath(parent, path).Replace('\\', '/'));
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (fact is not null)
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    /// <summary>The fact the message asks for, or null.</summary>
    /// <param name="margins">Other margins than this set's (for fitting them).</param>
    public ClinicMatch? Match(string? message, ClinicMargins? margins = null)
    {
        margins ??= _margins;
        if (_facts.Count == 0 || string.IsNullOrWhiteSpace(message) || !message.Any(char.IsLetter))
        {
            return null;
        }

        var words = Stems(message);
        var withWord = _facts.Select(f => (f.Fact, f.Questions, Word: FirstPhrase(f.Fact, f.Phrases, words))).ToList();
        if (_embedder is null)
        {
            return withWord.FirstOrDefault(f => f.Word is not null) is { Word: { } word } found ? new ClinicMatch(found.Fact, 0, word) : null;
        }

        var query = _embedder.EmbedQuery(message);
        var medical = TopMean(_medical.Select(v => Vectors.Similarity(query, v)));
        var scored = withWord.Select(f => (f.Fact, f.Word, Margin: TopMean(f.Questions.Select(q => Vectors.Similarity(query, q))) - medical))
            .OrderByDescending(s => s.Margin).ToList();
        var best = scored[0].Margin >= margins.Alone ? scored[0] : scored.FirstOrDefault(s => s.Word is not null && s.Margin >= margins.WithWord);
        return best.Fact is null ? null : new ClinicMatch(best.Fact, Math.Round(best.Margin, 3), best.Word);
    }

    /// <summary>For every fact, how much more the message reads like its questions than like the articles' (for
    /// fitting the margins and <c>faqbot ask</c>); empty with semantic search off.</summary>
    public IReadOnlyList<(ClinicFact Fact, double Margin)> Margins(string message)
    {
        if (_embedder is null || _facts.Count == 0)
        {
            return [];
        }

        var query = _embedder.EmbedQuery(message);
        var medical = TopMean(_medical.Select(v => Vectors.Similarity(query, v)));
        return [.. _facts.Select(f => (f.Fact, TopMean(f.Questions.Select(q => Vectors.Similarity(query, q))) - medical)).OrderByDescending(x => x.Item2)];
    }

    private static double TopMean(IEnumerable<float> similarities) =>
        similarities.OrderDescending().Take(Neighbours).DefaultIfEmpty(0f).Average();

    private static string? FirstPhrase(ClinicFact fact, IReadOnlyList<string[]> phrases, string[] words)
    {
        for (var p = 0; p < phrases.Count; p++)
        {
            if (phrases[p].Length > 0 && Contains(words, phrases[p]))
            {
                return fact.Words[p];
            }
        }

        return null;
    }

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }

    // Lower-case Porter stems, so "parking", "parked" and "park" meet.
    private static string[] Stems(string text) => [.. TriageText.Tokens(text).Where(t => t != ",").Select(Stemmer.StemOnce)];
}

/// <summary>How much more a message must read like a clinic fact's questions than like the articles' questions (mean
/// cosine similarity of the nearest two): <paramref name="Alone"/> by meaning alone, <paramref name="WithWord"/> when
/// the message also uses one of the fact's words. A message that names a treatment reads like the articles too, so
/// a fact's own word lowers the bar. Fit on the dev questions and the tune half of tests/data/questions (docs/knowledge.md).</summary>
public sealed record ClinicMargins(double Alone, double WithWord)
{
    public static ClinicMargins Default { get; } = new(Alone: 0.10, WithWord: -0.25);
}
