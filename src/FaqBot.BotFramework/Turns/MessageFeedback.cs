namespace FaqBot.BotFramework.Turns;

/// <summary>A user's rating of one of the bot's messages through the channel's own control (Teams' thumbs), channel-neutral.</summary>
/// <param name="MessageId">The id the channel gave the rated message when the bot sent it.</param>
/// <param name="Comment">What the user wrote with the rating, if anything.</param>
public sealed record MessageFeedback(string? MessageId, bool Helpful, string? Comment);
