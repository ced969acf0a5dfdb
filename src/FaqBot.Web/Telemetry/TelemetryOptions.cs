namespace FaqBot.Web.Telemetry;

/// <summary>Where metrics and traces go. With neither set, no OpenTelemetry pipeline runs at all (the embedded default).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>A port of its own for the Prometheus scrape endpoint (<c>/metrics</c>), never the public one; 0 = off.</summary>
    public int MetricsPort { get; set; }

    /// <summary>The address the metrics port listens on: <c>localhost</c> by default; <c>*</c> for a scraper in another
    /// container, behind the network's own rules.</summary>
    public string MetricsHost { get; set; } = "localhost";

    /// <summary>An OTLP collector (e.g. <c>http://localhost:4317</c>) for metrics and traces; the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable works too.</summary>
    public string OtlpEndpoint { get; set; } = "";
}
