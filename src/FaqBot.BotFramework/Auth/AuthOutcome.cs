namespace FaqBot.BotFramework.Auth;

/// <summary>
/// The verdict on an inbound request: accepted or not (with the reason, for the log only), and whether the activity's
/// <c>serviceUrl</c> was vouched for by a channel token, which is what allows the bot's own token to be sent there.
/// </summary>
public sealed record AuthOutcome(bool Succeeded, bool ServiceUrlAuthenticated, string Mode, string? FailureReason = null)
{
    public static AuthOutcome Anonymous { get; } = new(true, false, "anonymous");
    public static AuthOutcome Channel { get; } = new(true, true, "channel");
    public static AuthOutcome Emulator { get; } = new(true, false, "emulator");

    public static AuthOutcome Fail(string reason) => new(false, false, "rejected", reason);
}
