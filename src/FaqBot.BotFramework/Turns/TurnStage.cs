namespace FaqBot.BotFramework.Turns;

/// <summary>Where a middleware sits in every turn, outermost first; the gaps leave room for steps yet to come.</summary>
public enum TurnStage
{
    /// <summary>Catches what fails inside: the user gets an apology, the channel never a 500.</summary>
    ErrorBoundary = 0,

    /// <summary>A channel's own rules: who may talk, what the bot hears, how replies travel (Teams).</summary>
    Channel = 100,

    /// <summary>Shows the user that an answer is coming.</summary>
    Typing = 200,
}
