using FaqBot.Knowledge;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Feedback;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Semantic;
using FaqBot.Knowledge.Search.Highlight;

namespace FaqBot.Web.Staff;

/// <summary>What the console's pages show, read from the bot's feedback database (the file or PostgreSQL), knowledge base and decider.</summary>
public sealed class StaffData(FeedbackReader feedback, KnowledgeBase knowledge, AnswerDecider decider, LoadWarnings warnings, TimeProvider time)
{
    /// <summary>The periods a page can show, in days.</summary>
    public static readonly int[] Periods = [7, 30, 90];

    public const int DefaultDays = 30;

    public static int PeriodOrDefault(int? days) => days is { } d && Periods.Contains(d) ? d : DefaultDays;

    /// <summary>The report for the last <paramref name="days"/> days, today (UTC) included.</summary>
    public Task<FeedbackReport> ReportAsync(int days)
    {
        var tomorrow = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        return feedback.ReportAsync(tomorrow.AddDays(-days), tomorrow);
    }

    public async Task<Overview> OverviewAsync(int days)
    {
        var report = await ReportAsync(days);
        var first = DateOnly.FromDateTime(report.From.UtcDateTime);
        var byDay = report.Days.ToDictionary(d => d.Day);
        var series = Enumerable.Range(0, days).Select(i => first.AddDays(i))
            .Select(day => byDay.TryGetValue(day, out var counts) ? counts : new DailyCounts(day, new Dictionary<string, int>(), 0, 0))
            .ToList();
        var topics = report.AnswersByPassage
            .GroupBy(p => TopicOf(p.Key), StringComparer.Ordinal)
            .Select(g => new Topic(g.Key, g.Sum(p => p.Value)))
            .OrderByDescending(t => t.Answers).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Take(8)
            .ToList();
        return new Overview(report, series, topics);
    }

    /// <summary>The article a passage belongs to, by title; its id when it is no longer in the knowledge.</summary>
    public string TopicOf(string passageId)
    {
        if (knowledge.Search.GetPassage(passageId) is { } passage)
        {
            return passage.Title;
        }

        // A passage since renamed or removed: its article, if that is still there.
        var docId = passageId.Split('/')[0];
        return knowledge.Search.GetArticles().FirstOrDefault(a => a.DocId == docId)?.Citation.Title ?? docId;
    }

    public Passage? FindPassage(string passageId) => knowledge.Search.GetPassage(passageId);

    public KnowledgeView Knowledge()
    {
        var passages = knowledge.Searcher.Passages.GroupBy(p => p.DocId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var articles = knowledge.Search.GetArticles()
            .Select(a => new ArticleView(a.DocId, a.Citation.Title, passages.GetValueOrDefault(a.DocId) ?? []))
            .OrderBy(a => a.Title, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        return new KnowledgeView(articles, knowledge.IndexBuiltAt, warnings.All, knowledge.Hidden.Entries, knowledge.Options.Path, CanWrite(knowledge.Options.Path));
    }

    public HiddenPassages Hidden => knowledge.Hidden;

    /// <summary>What the bot would do with this message now, and why (the <c>faqbot ask --explain</c> view).</summary>
    public TryView Try(string question)
    {
        var decision = decider.Decide(question);
        var searcher = knowledge.Searcher;
        var terms = searcher.Analyze(question).Terms
            .Select(t => new TermView(t.Label, t.Origin.ToString().ToLowerInvariant(), t.Weight, [.. t.Stems.Select(searcher.Vocabulary.Stem)]))
            .ToList();
        var signals = decision.Kind == DecisionKind.Urgent || knowledge.Hybrid is null
            ? new Dictionary<string, DecisionSignals>()
            : knowledge.Hybrid.Rank(decision.SearchedText, 5).ToDictionary(r => r.Hit.Passage.Id, r => r.Signals, StringComparer.Ordinal);
        var hits = decision.Result.Hits.Take(5)
            .Select((h, i) => new HitView(i + 1, h.Passage, h.Confidence, h.BestSentence, signals.GetValueOrDefault(h.Passage.Id)))
            .ToList();
        return new TryView(question, decision, terms, hits);
    }

    // Whether the console can write the hidden-passages file here (a read-only container image cannot).
    private static bool CanWrite(string folder)
    {
        var probe = Path.Combine(folder, $".write-check-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

public sealed record Overview(FeedbackReport Report, IReadOnlyList<DailyCounts> Days, IReadOnlyList<Topic> Topics)
{
    // A question the clinic's own facts answered is answered too.
    public int Answered => Report.Count(DecisionKind.Answer) + Report.Count(DecisionKind.Clinic);
    public int Declined => Report.Count(DecisionKind.Abstain);
    public int Urgent => Report.Count(DecisionKind.Urgent);
    public int Questions => Report.DecisionCounts.Values.Sum();
    public int Votes => Report.HelpfulCount + Report.NotHelpfulCount;

    /// <summary>Helpful votes as a share of all votes; null without votes.</summary>
    public double? HelpfulShare => Votes == 0 ? null : (double)Report.HelpfulCount / Votes;
}

public sealed record Topic(string Title, int Answers);

public sealed record ArticleView(string DocId, string Title, IReadOnlyList<Passage> Passages);

public sealed record KnowledgeView(IReadOnlyList<ArticleView> Articles, DateTimeOffset? IndexBuiltAt, IReadOnlyList<LoadWarning> Warnings,
    IReadOnlyList<HiddenPassage> Hidden, string Folder, bool FolderWritable);

public sealed record TermView(string Label, string Origin, double Weight, IReadOnlyList<string> Stems);

public sealed record HitView(int Rank, Passage Passage, double Confidence, string BestSentence, DecisionSignals? Signals);

public sealed record TryView(string Question, Decision Decision, IReadOnlyList<TermView> Terms, IReadOnlyList<HitView> Hits);
