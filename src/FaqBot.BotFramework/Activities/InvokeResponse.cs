using System.Text.Json.Nodes;

namespace FaqBot.BotFramework.Activities;

/// <summary>The synchronous answer to an <c>invoke</c> activity, returned in the HTTP response.</summary>
public sealed record InvokeResponse(int Status, JsonNode? Body = null);
