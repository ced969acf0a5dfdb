namespace FaqBot.BotFramework.DirectLine;

/// <summary>What happened to a posted activity: its id, and whether the bot failed on it (answered with 502).</summary>
public sealed record PostOutcome(string Id, bool BotFailed);
