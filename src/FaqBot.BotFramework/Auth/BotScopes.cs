namespace FaqBot.BotFramework.Auth;

internal static class BotScopes
{
    // Client-credential scopes always end in "/.default"; the SDK appends it when the setting lacks it.
    public static string Default(string scope)
    {
        var trimmed = scope.TrimEnd('/');
        return trimmed.EndsWith("/.default", StringComparison.Ordinal) ? trimmed : trimmed + "/.default";
    }
}
