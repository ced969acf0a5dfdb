namespace FaqBot.BotFramework.Activities;

/// <summary>The Connector's answer to a send: the id the channel gave the activity (Teams sometimes gives none).</summary>
public sealed record ResourceResponse(string? Id);
