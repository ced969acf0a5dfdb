namespace FaqBot.Knowledge.Tests.Feedback;

internal sealed class ManualTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>False: timers are created but never fire on their own, so a test decides when a batch is written.</summary>
    public bool TimersFire { get; init; } = true;

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        TimersFire ? base.CreateTimer(callback, state, dueTime, period) : base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
}
