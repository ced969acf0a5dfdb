namespace FaqBot.BotFramework.Hosting;

/// <summary>Where <c>MapDirectLine</c> put our Direct Line, so the token endpoint can tell the page its domain.</summary>
public sealed class DirectLineMount
{
    public string? Prefix { get; internal set; }
}
