using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Health;

/// <summary>Health and shutdown (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// How long a stopping instance keeps serving after <c>/readyz</c> turned 503, so a load balancer's probe takes it
    /// out of rotation before its port closes. Zero (the default) for one server: nobody probes it, and a developer's
    /// Ctrl+C should not wait.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;
}
