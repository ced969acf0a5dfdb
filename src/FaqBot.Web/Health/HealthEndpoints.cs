using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Health;

/// <summary><c>/healthz</c> says the process serves requests; <c>/readyz</c> says it can answer patients.</summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    private const string ReadyTag = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The drain comes on top of the time running turns and the feedback writer get to finish.
        builder.Services.AddOptions<HostOptions>().PostConfigure<IOptions<HealthOptions>>((host, health) => host.ShutdownTimeout += health.Value.DrainDelay);
        builder.Services.AddSingleton<ShutdownDrain>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ShutdownDrain>());
        builder.Services.AddHealthChecks()
            .AddCheck<KnowledgeIndexHealthCheck>("knowledge-index", tags: [ReadyTag])
            .AddCheck<ShutdownDrain>("shutdown", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Liveness runs no checks: a slow index must not make the platform restart a process that is fine.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync });
        return app;
    }

    // Status and short descriptions only: no exception text, paths or configuration values reach an anonymous caller.
    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
