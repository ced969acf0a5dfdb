using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Turns;

/// <summary>What a turn produced: the invoke answer, if the bot gave one, and every activity it sent, in order.</summary>
public sealed record TurnResult(InvokeResponse? InvokeResponse, IReadOnlyList<Activity> Sent, bool Failed);
