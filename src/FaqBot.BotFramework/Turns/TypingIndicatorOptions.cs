namespace FaqBot.BotFramework.Turns;

/// <summary>When <see cref="TypingIndicator"/> shows that an answer is coming.</summary>
public sealed class TypingIndicatorOptions
{
    /// <summary>A message turn that has not replied after this long gets one typing activity first; zero sends it always.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(300);
}
