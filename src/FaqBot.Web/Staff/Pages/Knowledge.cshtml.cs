using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Staff.Pages;

// Hiding a passage is a POST with the anti-forgery token Razor Pages checks on every POST.
public sealed class KnowledgeModel(StaffData data, TimeProvider time, ILogger<KnowledgeModel> logger) : PageModel
{
    public KnowledgeView View { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    [BindProperty]
    [Required]
    public string? PassageId { get; set; }

    [BindProperty]
    [StringLength(500)]
    public string? Why { get; set; }

    public void OnGet() => View = data.Knowledge();

    public IActionResult OnPostHide()
    {
        if (!ModelState.IsValid || data.FindPassage(PassageId!) is null)
        {
            return Refuse("There is no such passage; it may have been removed from the articles.");
        }

        if (string.IsNullOrWhiteSpace(Why))
        {
            return Refuse("Say why the passage is hidden, so colleagues know when it can come back.");
        }

        var who = StaffAccess.WhoIs(User);
        return Write(() => data.Hidden.Hide(PassageId!, who, Why.Trim(), time.GetUtcNow()), () => Log.PassageHidden(logger, who, PassageId!),
            $"Passage {PassageId} is hidden: the bot no longer uses it in answers.");
    }

    public IActionResult OnPostShow()
    {
        if (!ModelState.IsValid)
        {
            return Refuse("Choose a passage.");
        }

        var who = StaffAccess.WhoIs(User);
        return Write(() => data.Hidden.Show(PassageId!), () => Log.PassageShown(logger, who, PassageId!),
            $"Passage {PassageId} is used in answers again.");
    }

    private IActionResult Write(Action write, Action log, string done)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.HiddenFileNotWritten(logger, data.Hidden.FilePath ?? "", e);
            Response.StatusCode = StatusCodes.Status409Conflict;
            Error = "The knowledge folder cannot be written here, so nothing changed. Hide the passage in knowledge/hidden-passages.yaml in the clinic's copy of the articles and deploy it (docs/staff-console.md).";
            View = data.Knowledge();
            return Page();
        }

        log();
        Message = done;
        return RedirectToPage();
    }

    private PageResult Refuse(string error)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Error = error;
        View = data.Knowledge();
        return Page();
    }
}
