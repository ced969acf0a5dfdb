using System.Text.Json.Nodes;

namespace FaqBot.BotFramework.Activities;

/// <summary>The body of a <c>deliveryMode: expectReplies</c> response: every activity of the turn, plus the invoke body if any.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities, JsonNode? Body = null);
