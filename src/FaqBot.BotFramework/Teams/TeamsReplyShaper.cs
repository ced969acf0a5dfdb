using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Teams;

/// <summary>
/// Adjusts a channel-neutral reply (text, a card, choices as suggested actions) to what Teams shows: the answer goes
/// into the question's thread; text beside a card is dropped (Teams would post them as two messages, and the card's
/// fallback text already says it); suggested actions, which Teams draws only in personal chats, only as imBack, never
/// beside an attachment and at most three, become buttons on a card instead.
/// </summary>
public static class TeamsReplyShaper
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    // Teams shows the first three suggested actions and drops the rest; with more, all of them go on a card.
    private const int MaxSuggestedActions = 3;

    public static void Shape(Activity inbound, Activity reply)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(reply);
        if (!TeamsContext.IsTeams(inbound))
        {
            return;
        }

        var context = TeamsContext.From(inbound)!;
        TeamsThreads.AddressToThread(inbound, reply);
        if (reply.Attachments is { Count: > 0 })
        {
            reply.Text = null;
        }

        var actions = reply.SuggestedActions?.Actions;
        if (actions is not { Count: > 0 })
        {
            return;
        }

        if (context.IsPersonal && reply.Attachments is not { Count: > 0 } && actions.Count <= MaxSuggestedActions)
        {
            // A messageBack suggested action would not show: the same choice as the text it sends.
            for (var i = 0; i < actions.Count; i++)
            {
                if (actions[i] is { Type: "messageBack", Text: { } text } action)
                {
                    actions[i] = new CardAction { Type = "imBack", Title = action.Title ?? text, Value = JsonSerializer.SerializeToElement(text) };
                }
            }

            return;
        }

        var card = reply.Attachments?.FirstOrDefault(a => a.ContentType == AdaptiveCardContentType && a.Content is JsonObject);
        if (card is null && reply.Text is { Length: > 0 } words)
        {
            // The text goes on a card with the choices under it: one message, the buttons kept.
            card = new Attachment { ContentType = AdaptiveCardContentType, Content = TextCard(words) };
            reply.Attachments = [card, .. reply.Attachments ?? []];
            reply.Text = null;
        }

        if (card is not null)
        {
            var content = (JsonObject)card.Content!;
            var cardActions = content["actions"] as JsonArray ?? [];
            content["actions"] = cardActions;
            foreach (var action in actions)
            {
                cardActions.Add(ToAdaptiveAction(action));
            }
        }
        else
        {
            // Same choices, as buttons that stay: a hero card holds nothing but them.
            var buttons = JsonSerializer.SerializeToNode(actions, ProtocolJson.Options);
            reply.Attachments ??= [];
            reply.Attachments.Add(new Attachment { ContentType = HeroCardContentType, Content = new JsonObject { ["buttons"] = buttons } });
        }

        reply.SuggestedActions = null;
    }

    // Adaptive Card 1.3, the version Teams renders everywhere; the text is also its fallback.
    private static JsonObject TextCard(string text) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.3",
        ["fallbackText"] = text,
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
        ["actions"] = new JsonArray(),
    };

    /// <summary>A Bot Framework card action as an Adaptive Card action; Teams reads the <c>msteams</c> data member.</summary>
    private static JsonObject ToAdaptiveAction(CardAction action)
    {
        var value = action.Value is { } element ? JsonNode.Parse(element.GetRawText()) : null;
        if (action.Type == "openUrl")
        {
            return new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = action.Title, ["url"] = value };
        }

        // Teams turns Action.Submit with data.msteams {type: imBack|messageBack} into the same message a button would send.
        var msteams = action.Type == "messageBack"
            ? new JsonObject { ["type"] = "messageBack", ["text"] = action.Text, ["displayText"] = action.DisplayText, ["value"] = value }
            : new JsonObject { ["type"] = "imBack", ["value"] = value ?? action.Title };
        return new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = action.Title,
            ["data"] = new JsonObject { ["msteams"] = msteams },
        };
    }
}
