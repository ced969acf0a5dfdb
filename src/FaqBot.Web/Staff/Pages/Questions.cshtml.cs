using FaqBot.Knowledge.Feedback;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Staff.Pages;

public sealed class QuestionsModel(StaffData data) : PageModel
{
    public FeedbackReport Report { get; private set; } = null!;

    public int Days { get; private set; }

    public StaffData Data => data;

    public async Task OnGetAsync(int? days)
    {
        Days = StaffData.PeriodOrDefault(days);
        Report = await data.ReportAsync(Days);
    }
}
