using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FaqBot.Web.Telemetry;

public static class TelemetryServiceExtensions
{
    private const string ServiceName = "faqbot";

    // Probes and the scrape itself would drown the traces a person reads.
    private static readonly string[] UntracedPaths = ["/healthz", "/readyz"];

    /// <summary>The bot's meter, always; an OpenTelemetry pipeline (ASP.NET Core, HttpClient and runtime
    /// instrumentation) only when a Prometheus port or an OTLP collector is configured, so the embedded default pays
    /// nothing for it.</summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BotMetrics>();
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.MetricsPort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"{TelemetryOptions.SectionName}:MetricsPort must be a port number (1-65535), or 0 for none; it is {options.MetricsPort}.");
        }

        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] : options.OtlpEndpoint;
        var exportOtlp = !string.IsNullOrWhiteSpace(otlp);
        if (options.MetricsPort == 0 && !exportOtlp)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(BotMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
            if (options.MetricsPort > 0)
            {
                // A listener of its own, apart from Kestrel: the public port never serves /metrics.
                metrics.AddPrometheusHttpListener(listener => (listener.Host, listener.Port) = (options.MetricsHost, options.MetricsPort));
            }

            if (exportOtlp)
            {
                metrics.AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp!));
            }
        });

        if (exportOtlp)
        {
            // Spans carry routes, status codes and timings. The instrumentation redacts query string values (Direct
            // Line stream tokens) and records no bodies, so no patient text and no token leaves in a span.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !UntracedPaths.Contains(context.Request.Path.Value))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(exporter => exporter.Endpoint = new Uri(otlp!)));
        }

        return builder;
    }
}
