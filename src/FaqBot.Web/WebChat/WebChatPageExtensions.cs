using FaqBot.Web.Conversation;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.WebChat;

/// <summary>Registers and serves the clinic's demo page with the Web Chat widget.</summary>
public static class WebChatPageExtensions
{
    public static WebApplicationBuilder AddWebChatPage(this WebApplicationBuilder builder)
    {
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
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/api/webchat/config", GetConfig);
        return app;
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
