using System.Net;
using System.Text.RegularExpressions;
using FaqBot.BotFramework.DirectLine;
using FaqBot.Knowledge.Feedback;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Web.Conversation;
using Markdig;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.WebChat;

/// <summary>
/// The privacy statement and terms of use at <c>/privacy</c> and <c>/terms</c>, from Markdown files staff edit
/// (knowledge/pages/privacy.md, terms.md). The clinic page's footer links them and the Teams manifest points at them.
/// Read on each request, so an edit shows without a restart; raw HTML in the files is shown as text, never run.
/// </summary>
public static partial class InfoPages
{
    public const string Folder = "knowledge/" + KnowledgeFolder.PagesFolder;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    public static WebApplication MapInfoPages(this WebApplication app)
    {
        var policy = PageSecurityPolicy.For(
            app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value,
            app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value);
        var folder = Path.Combine(app.Environment.ContentRootPath, Folder);
        app.MapGet("/privacy", (HttpContext http, IOptions<ClinicOptions> clinic, IOptions<FeedbackOptions> feedback) =>
            Serve(http, Path.Combine(folder, "privacy.md"), clinic.Value, feedback.Value, policy));
        app.MapGet("/terms", (HttpContext http, IOptions<ClinicOptions> clinic, IOptions<FeedbackOptions> feedback) =>
            Serve(http, Path.Combine(folder, "terms.md"), clinic.Value, feedback.Value, policy));
        return app;
    }

    private static async Task<IResult> Serve(HttpContext http, string file, ClinicOptions clinic, FeedbackOptions feedback, string policy)
    {
        if (!File.Exists(file))
        {
            return Results.NotFound();
        }

        var markdown = StaffNote().Replace(await File.ReadAllTextAsync(file, http.RequestAborted), "")
            .Replace("{clinic}", clinic.Name, StringComparison.Ordinal)
            .Replace("{phone}", clinic.Phone, StringComparison.Ordinal)
            .Replace("{retention_days}", feedback.RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var title = markdown.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? clinic.Name;
        http.Response.Headers.ContentSecurityPolicy = policy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(Page(title, Markdown.ToHtml(markdown, Pipeline), clinic.Name), "text/html; charset=utf-8");
    }

    private static string Page(string title, string body, string clinicName)
    {
        var name = WebUtility.HtmlEncode(clinicName);
        return $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{WebUtility.HtmlEncode(title)}</title>
              <link rel="stylesheet" href="css/site.css">
            </head>
            <body>
              <header class="site-header"><p class="site-header__name">{name}</p></header>
              <main class="site-main">
            {body}
              </main>
              <footer class="site-footer"><a href="./">Back to the {name} page</a></footer>
            </body>
            </html>
            """;
    }

    // <!-- notes for staff --> stay in the file and out of the page.
    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex StaffNote();
}
