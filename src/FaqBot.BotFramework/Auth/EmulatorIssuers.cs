namespace FaqBot.BotFramework.Auth;

/// <summary>The Entra issuers of Bot Framework Emulator tokens (protocol reference 5.3, public cloud).</summary>
public static class EmulatorIssuers
{
    // v3.1 and v3.2 Bot Framework tenants, in v1 (sts.windows.net) and v2 (login.microsoftonline.com) form.
    private static readonly string[] Shared =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/69e9b82d-4842-4902-8d1e-abc5b98a55e8/",
        "https://login.microsoftonline.com/69e9b82d-4842-4902-8d1e-abc5b98a55e8/v2.0",
    ];

    /// <summary>The shared issuers plus, for a single-tenant bot, its own tenant's (taken from configuration, never from the token).</summary>
    public static IReadOnlyList<string> For(string? tenantId) => string.IsNullOrWhiteSpace(tenantId)
        ? Shared
        : [.. Shared, $"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"];
}
