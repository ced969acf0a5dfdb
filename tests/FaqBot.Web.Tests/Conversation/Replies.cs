using System.Text.Json;

namespace FaqBot.Web.Tests.Conversation;

// Reading the bot's replies the way a channel would.
internal static class Replies
{
    public static JsonElement OnlyMessage(IReadOnlyList<JsonElement> activities) =>
        Assert.Single(activities, a => a.GetProperty("type").GetString() == "message");

    /// <summary>The text as the patient reads it: a Markdown tel: link shows its words (see <see cref="RawText"/>).</summary>
    public static string Text(JsonElement activity) => Rendered(RawText(activity));

    public static string RawText(JsonElement activity) =>
        activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    public static string Rendered(string markdown) => System.Text.RegularExpressions.Regex.Replace(markdown, @"\[([^\]]+)\]\(tel:[^)]+\)", "$1");

    public static JsonElement Card(JsonElement activity)
    {
        var attachment = Assert.Single(activity.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return attachment.GetProperty("content");
    }

    public static bool HasCard(JsonElement activity) =>
        activity.TryGetProperty("attachments", out var a) && a.GetArrayLength() > 0;

    public static IReadOnlyList<string> CardTexts(JsonElement card) =>
        [.. card.GetProperty("body").EnumerateArray().Select(b => Rendered(b.GetProperty("text").GetString()!))];

    public static JsonElement CardAction(JsonElement card, string title) =>
        Assert.Single(card.GetProperty("actions").EnumerateArray(), a => a.GetProperty("title").GetString() == title);

    public static IReadOnlyList<JsonElement> Suggested(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var s) ? [.. s.GetProperty("actions").EnumerateArray()] : [];

    public static JsonElement SuggestedValue(JsonElement activity, string title) =>
        Assert.Single(Suggested(activity), a => a.GetProperty("title").GetString() == title).GetProperty("value");
}
