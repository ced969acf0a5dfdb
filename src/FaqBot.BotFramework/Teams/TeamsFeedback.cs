using System.Text.Json;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Turns;

namespace FaqBot.BotFramework.Teams;

/// <summary>
/// Teams' feedback loop (the thumbs under a bot message): an invoke <c>message/submitAction</c> whose
/// <c>value.actionValue.reaction</c> is like or dislike and <c>feedback</c> a JSON string with the text;
/// <c>replyToId</c> names the rated message (protocol reference 7.6).
/// </summary>
public static class TeamsFeedback
{
    public const string InvokeName = "message/submitAction";

    public static bool IsFeedback(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && string.Equals(activity.Name, InvokeName, StringComparison.Ordinal);

    /// <summary>The rating in a feedback invoke, or null when its value is not one.</summary>
    public static MessageFeedback? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("actionValue", out var actionValue) || actionValue.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var helpful = actionValue.TryGetProperty("reaction", out var reaction) && reaction.ValueKind == JsonValueKind.String && reaction.GetString() == "like";
        var comment = actionValue.TryGetProperty("feedback", out var feedback) && feedback.ValueKind == JsonValueKind.String ? Comment(feedback.GetString()!) : null;
        return new MessageFeedback(activity.ReplyToId, helpful, comment);
    }

    private static string? Comment(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("feedbackText", out var text)
                && text.ValueKind == JsonValueKind.String && text.GetString()!.Length > 0 ? text.GetString() : null;
        }
        catch (JsonException)
        {
            return json.Length > 0 ? json : null;
        }
    }
}
