using System.Text.Json;
using FaqBot.Knowledge.Answering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Staff.Pages;

public sealed class IndexModel(StaffData data) : PageModel
{
    public Overview Overview { get; private set; } = null!;

    public int Days { get; private set; }

    /// <summary>The charts' data for staff.js, as JSON (System.Text.Json escapes &lt; so no text can close the script element).</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(int? days)
    {
        Days = StaffData.PeriodOrDefault(days);
        Overview = await data.OverviewAsync(Days);
        ChartJson = JsonSerializer.Serialize(new
        {
            days = Overview.Days.Select(d => d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            answered = Overview.Days.Select(d => d.Count(DecisionKind.Answer) + d.Count(DecisionKind.Clinic)),
            declined = Overview.Days.Select(d => d.Count(DecisionKind.Abstain)),
            urgent = Overview.Days.Select(d => d.Count(DecisionKind.Urgent)),
            helpfulShare = Overview.Days.Select(d => d.Helpful + d.NotHelpful == 0 ? (double?)null : Math.Round(100.0 * d.Helpful / (d.Helpful + d.NotHelpful), 1)),
            topics = Overview.Topics.Select(t => t.Title),
            topicAnswers = Overview.Topics.Select(t => t.Answers),
        });
    }
}
