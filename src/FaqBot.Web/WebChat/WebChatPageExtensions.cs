using FaqBot.BotFramework.DirectLine;
using FaqBot.Web.Conversation;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.WebChat;

/// <summary>Registers and serves the clinic's demo page with the Web Chat widget.</summary>
public static class WebChatPageExtensions
{
    /// <summary>What Direct Line answers a patient's file or photo with (the page hides the upload button; a client
    /// that sends one anyway is told where to turn). Patient photos are health data this bot must not collect.</summary>
    public const string UploadRefusal =
        "This chat does not accept files or photos. Please describe your question in words, or contact the clinic directly.";

    public static WebApplicationBuilder AddWebChatPage(this WebApplicationBuilder builder)
    {
        // The clinic's words replace the protocol's neutral default; DirectLine:UploadRefusal in settings still wins.
        builder.Services.AddOptions<DirectLineOptions>().PostConfigure(options =>
        {
            if (options.UploadRefusal == DirectLineOptions.DefaultUploadRefusal)
            {
                options.UploadRefusal = UploadRefusal;
            }
        });
        builder.Services.AddOptions<WebChatOptions>()
            .BindConfiguration(WebChatOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        return builder;
    }

    /// <summary>Serves wwwroot (index.html, and the widget bundle that the build copies from npm) and the page's config.</summary>
    public static WebApplication MapWebChatPage(this WebApplication app)
    {
        var policy = PageSecurityPolicy.For(
            app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value,
            app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value);
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => AddPageHeaders(context, policy) });
        app.MapGet("/api/webchat/config", GetConfig);
        app.MapInfoPages();
        return app;
    }

    private static void AddPageHeaders(StaticFileResponseContext context, string policy)
    {
        var headers = context.Context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = policy;
            // Patients' questions never travel in URLs, but the page's address need not leak to linked sites either.
            headers["Referrer-Policy"] = "no-referrer";
        }
    }

    // The Clinic section is the conversation's (the safeguard quotes it); the page shows the same name and numbers.
    private static WebChatPageConfig GetConfig(IOptions<WebChatOptions> options, IOptions<ClinicOptions> clinicOptions)
    {
        var ui = options.Value;
        var clinic = clinicOptions.Value;
        return new WebChatPageConfig(
            clinic.Name,
            clinic.Phone,
            clinic.EmergencyNumber,
            ui.AccentColor,
            ui.AccentTextColor,
            ui.AvatarUrl,
            ui.AvatarInitials,
            ui.Locale);
    }
}
