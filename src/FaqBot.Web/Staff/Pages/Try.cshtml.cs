using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Staff.Pages;

// POST, not GET: the question stays out of URLs, browser history and request logs.
public sealed class TryModel(StaffData data, ILogger<TryModel> logger) : PageModel
{
    public const int MaxQuestionLength = 1000;

    [BindProperty]
    [Required(ErrorMessage = "Type a question to try.")]
    [StringLength(MaxQuestionLength, ErrorMessage = "Keep the question under 1000 characters.")]
    public string? Question { get; set; }

    public TryView? Result { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Log.TriedQuestion(logger, Question!);
        Result = data.Try(Question!);
        return Page();
    }
}
