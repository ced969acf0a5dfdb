namespace FaqBot.BotFramework.Teams;

/// <summary>The <c>Teams</c> section: which Microsoft 365 tenants the bot talks to in Teams.</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Tenant ids (GUIDs) whose Teams users the bot answers; empty answers every tenant. Defence in depth for a clinic
    /// bot: a copy of the app package uploaded in another organisation gets no answers.
    /// </summary>
    public List<string> AllowedTenantIds { get; set; } = [];
}
