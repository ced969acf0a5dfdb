namespace FaqBot.BotFramework.Auth;

/// <summary>
/// What the Authorization header alone proves, decided before the body is read: rejected, anonymous, an Emulator token,
/// or a channel token whose <c>serviceurl</c> claim and key endorsements still have to match the activity.
/// </summary>
public sealed record TokenCheck(AuthOutcome? Failure, AuthOutcome Accepted, string? ServiceUrlClaim = null, string? KeyId = null, EndorsementTable? Endorsements = null)
{
    public static TokenCheck Fail(string reason) => new(AuthOutcome.Fail(reason), AuthOutcome.Fail(reason));
    public static TokenCheck Anonymous { get; } = new(null, AuthOutcome.Anonymous);
    public static TokenCheck Emulator { get; } = new(null, AuthOutcome.Emulator);

    public bool Rejected => Failure is not null;
}
