using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>A page of activities plus the opaque watermark the client sends back to continue after it.</summary>
public sealed record ActivitySet(
    [property: JsonPropertyName("activities")] IReadOnlyList<StoredActivity> Activities,
    [property: JsonPropertyName("watermark")] string Watermark);
