using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;

namespace FaqBot.Web.Conversation;

// Adaptive Card 1.3: the lowest version with everything we use, rendered by every channel we serve and the Emulator
// (protocol reference 2.4). Only TextBlock, Action.Submit and Action.OpenUrl appear.
internal static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.3";

    public static Attachment Attachment(JsonArray body, JsonArray actions, string fallbackText) => new()
    {
        ContentType = ContentType,
        Content = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["fallbackText"] = fallbackText,
            ["body"] = body,
            ["actions"] = actions,
        },
    };

    public static JsonObject TextBlock(string text, bool small = false, bool subtle = false, bool bold = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (small)
        {
            block["size"] = "Small";
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (bold)
        {
            block["weight"] = "Bolder";
        }

        return block;
    }

    public static JsonObject Submit(string title, JsonObject data) =>
        new() { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };

    public static JsonObject OpenUrl(string title, string url) =>
        new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };
}
