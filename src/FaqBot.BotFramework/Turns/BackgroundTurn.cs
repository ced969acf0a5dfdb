namespace FaqBot.BotFramework.Turns;

/// <summary>How long a caller waits for a turn that may outlive it, and what happens after.</summary>
/// <param name="AnswerWithin">The caller gets an answer by then; a turn still running carries on in the background.</param>
/// <param name="MaxDuration">A turn still running after this is cancelled; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
/// <param name="CancelIfCallerLeaves">
/// True when a caller that hangs up before the answer abandons the turn (a Direct Line client); false when the turn
/// carries on and its replies still go out (a channel that gave up waiting for its 200).
/// </param>
public readonly record struct BackgroundTurn(TimeSpan AnswerWithin, TimeSpan MaxDuration, bool CancelIfCallerLeaves);
