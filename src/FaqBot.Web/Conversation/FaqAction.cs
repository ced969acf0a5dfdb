using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Web.Conversation;

/// <summary>The data our buttons submit (<c>value.faqAction</c>), read back from a message or an invoke.</summary>
public sealed record FaqAction(string Name, string? PassageId, string? Decision, double? Confidence, bool? Helpful, string? Reason, string? Question)
{
    public const string Feedback = "feedback";
    public const string FeedbackReason = "reason";
    public const string More = "more";
    public const string Source = "source";
    public const string Passage = "passage";
    // No longer put on buttons (choices travel as suggested actions now); still read, for cards already posted in chats.
    public const string Ask = "ask";

    public static JsonObject Data(string name, string? passageId = null, string? decision = null, double? confidence = null,
        bool? helpful = null, string? reason = null)
    {
        var data = new JsonObject { ["faqAction"] = name };
        Put(data, "passageId", passageId);
        Put(data, "decision", decision);
        Put(data, "confidence", confidence is null ? null : JsonValue.Create(Math.Round(confidence.Value, 3)));
        Put(data, "helpful", helpful is null ? null : JsonValue.Create(helpful.Value));
        Put(data, "reason", reason);
        return data;
    }

    /// <summary>Our action in an activity's value, or null when the value is absent or not ours.</summary>
    public static FaqAction? From(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || Text(v, "faqAction") is not { } name)
        {
            return null;
        }

        double? confidence = v.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null;
        bool? helpful = v.TryGetProperty("helpful", out var h) && h.ValueKind is JsonValueKind.True or JsonValueKind.False ? h.GetBoolean() : null;
        return new FaqAction(name, Text(v, "passageId"), Text(v, "decision"), confidence, helpful, Text(v, "reason"), Text(v, "question"));
    }

    private static void Put(JsonObject data, string name, JsonNode? value)
    {
        if (value is not null)
        {
            data[name] = value;
        }
    }

    private static void Put(JsonObject data, string name, string? value)
    {
        if (value is not null)
        {
            data[name] = value;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
