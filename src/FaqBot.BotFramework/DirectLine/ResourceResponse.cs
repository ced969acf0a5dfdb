using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The id Direct Line gave a posted activity.</summary>
public sealed record ResourceResponse([property: JsonPropertyName("id")] string Id);
