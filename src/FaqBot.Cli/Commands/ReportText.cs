using System.Text;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Feedback;

namespace FaqBot.Cli.Commands;

internal static class ReportText
{
    public static string Format(FeedbackReport report, string source)
    {
        var text = new StringBuilder();
        text.AppendLine($"FaqBot report {report.From:yyyy-MM-dd} to {report.To.AddDays(-1):yyyy-MM-dd} (UTC), from {source}");
        text.AppendLine();
        var total = report.DecisionCounts.Values.Sum();
        var counts = new[] { DecisionKind.Answer, DecisionKind.Abstain, DecisionKind.Urgent }.Select(d => $"{StoredDecision.Name(d)} {report.Count(d)}");
        text.AppendLine($"Decisions: {string.Join(", ", counts)} ({total} questions)");
        text.AppendLine($"Feedback: {report.HelpfulCount} helpful, {report.NotHelpfulCount} not helpful");
        text.AppendLine();
        text.AppendLine($"Unanswered questions ({report.Unanswered.Sum(u => u.Count)}, grouped):");
        foreach (var group in report.Unanswered)
        {
            text.AppendLine($"  {group.Count,4}  {group.Question}   (last {group.LastAsked:yyyy-MM-dd})");
        }

        if (report.Unanswered.Count == 0)
        {
            text.AppendLine("  none");
        }

        text.AppendLine();
        text.AppendLine("Passages marked not helpful:");
        foreach (var passage in report.NotHelpful)
        {
            text.AppendLine($"  {passage.NotHelpful,4} not helpful, {passage.Helpful} helpful  {passage.PassageId}");
            foreach (var reason in passage.Reasons)
            {
                text.AppendLine($"          - {reason}");
            }
        }

        if (report.NotHelpful.Count == 0)
        {
            text.AppendLine("  none");
        }

        return text.ToString();
    }
}
