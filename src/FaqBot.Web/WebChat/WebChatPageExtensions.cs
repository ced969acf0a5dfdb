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

    private static WebChatPageConfig GetConfig(IOptions<WebChatOptions> options, IConfiguration configuration)
    {
        var ui = options.Value;
        // The Clinic section is shared with the conversation (it names the clinic in answers); the page only reads it.
        var clinic = configuration.GetSection("Clinic");
        return new WebChatPageConfig(
            ClinicName: clinic["Name"] ?? "Our clinic",
            Phone: clinic["Phone"] ?? "",
            EmergencyNumber: clinic["EmergencyNumber"] ?? "",
            ui.AccentColor,
            ui.AccentTextColor,
            ui.AvatarUrl,
            ui.AvatarInitials,
            ui.Locale);
    }
}
