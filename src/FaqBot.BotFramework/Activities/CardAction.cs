using System.Text.Json;

namespace FaqBot.BotFramework.Activities;

public sealed class CardAction
{
    public string Type { get; set; } = "imBack";
    public string? Title { get; set; }
    public JsonElement? Value { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public string? Image { get; set; }

    /// <summary>An imBack button; Web Chat and Teams send the value as the message text, so title and value match.</summary>
    public static CardAction ImBack(string text) => new() { Type = "imBack", Title = text, Value = JsonSerializer.SerializeToElement(text) };
}
