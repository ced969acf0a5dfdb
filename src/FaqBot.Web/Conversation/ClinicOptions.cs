using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Conversation;

/// <summary>The <c>Clinic</c> section: who the patient should contact; the safeguard and urgent messages quote it.</summary>
public sealed class ClinicOptions : IValidatableObject
{
    public const string SectionName = "Clinic";

    [Required]
    public string Name { get; set; } = "";

    [Required]
    public string Phone { get; set; } = "";

    /// <summary>Online booking page; empty when the clinic books by phone only.</summary>
    public string? BookingUrl { get; set; }

    [Required]
    public string EmergencyNumber { get; set; } = "";

    [Required]
    public string CrisisLine { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Empty is allowed (phone only); anything else must be a link a patient can open.
        if (!string.IsNullOrWhiteSpace(BookingUrl)
            && !(Uri.TryCreate(BookingUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            yield return new ValidationResult("Clinic:BookingUrl must be an absolute http(s) address or empty.", [nameof(BookingUrl)]);
        }
    }
}
