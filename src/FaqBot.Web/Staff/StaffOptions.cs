using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Staff;

/// <summary>The staff console's sign-in (section <c>Staff</c>). Without an <see cref="Authority"/> the console answers
/// only the bot's own machine (loopback), like the Emulator's mode without an App ID.</summary>
public sealed class StaffOptions : IValidatableObject
{
    public const string SectionName = "Staff";

    /// <summary>The OpenID Connect issuer, e.g. https://login.microsoftonline.com/TENANT/v2.0. Empty: no sign-in, loopback only.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The console's app registration (client) id at the identity provider.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app registration's client secret. Secret: environment only.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Signed-in users with one of these values in their <see cref="GroupClaim"/> claim are staff (Entra: group object ids).</summary>
    public string[] AllowedGroups { get; set; } = [];

    /// <summary>Signed-in users with one of these values in their <see cref="RoleClaim"/> claim are staff (Entra: app role values).</summary>
    public string[] AllowedRoles { get; set; } = [];

    [Required]
    public string GroupClaim { get; set; } = "groups";

    [Required]
    public string RoleClaim { get; set; } = "roles";

    public bool SignInConfigured => !string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SignInConfigured)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && !authority.IsLoopback))
        {
            yield return new ValidationResult("Staff:Authority must be an https URL.", [nameof(Authority)]);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("Staff:ClientId is required with Staff:Authority.", [nameof(ClientId)]);
        }

        // Signing in proves who someone is, not that they are staff: a console open to every account of the tenant
        // (or of any tenant, with a multi-tenant registration) is refused at start.
        if (AllowedGroups.All(string.IsNullOrWhiteSpace) && AllowedRoles.All(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Staff:AllowedGroups or Staff:AllowedRoles must name who is staff.", [nameof(AllowedGroups), nameof(AllowedRoles)]);
        }
    }
}
