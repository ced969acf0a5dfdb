using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Teams;

/// <summary>
/// Adjusts a reply to what Teams shows: the answer goes into the question's thread, and suggested actions, which
/// Teams draws only in personal chats, never beside an attachment and at most three, become buttons on a card instead.
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
        var context = TeamsContext.From(inbound);
        if (context is null)
        {
            return;
        }

        TeamsThreads.AddressToThread(inbound, reply);
        var actions = reply.SuggestedActions?.Actions;
        if (actions is not { Count: > 0 }
            || (context.IsPersonal && reply.Attachments is not { Count: > 0 } && actions.Count <= MaxSuggestedActions))
        {
            return;
        }

        var card = reply.Attachments?.FirstOrDefault(a => a.ContentType == AdaptiveCardContentType && a.Content is JsonObject);
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
