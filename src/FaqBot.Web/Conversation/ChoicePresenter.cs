using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Teams;

namespace FaqBot.Web.Conversation;

// Teams shows suggested actions only in personal chats, and only imBack; elsewhere in Teams the same choices become
// card buttons (protocol reference 2.5). Other channels get suggested actions near the composer.
internal static class ChoicePresenter
{
    // A choice's action is built (its value serialised) once while the choice lives: the follow-ups of a passage are
    // the same choices on every answer. Shared actions are never changed after they are built.
    private static readonly ConditionalWeakTable<Choice, CardAction> ChannelActions = new();
    private static readonly ConditionalWeakTable<Choice, CardAction> TeamsActions = new();

    public static bool UsesSuggestedActions(Activity inbound) => TeamsContext.From(inbound) is not { IsPersonal: false };

    public static SuggestedActions SuggestedActions(Activity inbound, IEnumerable<Choice> choices)
    {
        var teams = TeamsContext.IsTeams(inbound);
        return new SuggestedActions
        {
            Actions = [.. choices.Select(c => teams
                ? TeamsActions.GetValue(c, static c => CardAction.ImBack(c.Text))
                : ChannelActions.GetValue(c, static c => c.Value is null
                    ? CardAction.ImBack(c.Text)
                    : new CardAction
                    {
                        // Web Chat posts text and value together; the value names the exact passage.
                        Type = "messageBack",
                        Title = c.Title,
                        Text = c.Text,
                        DisplayText = c.Text,
                        Value = JsonSerializer.SerializeToElement(c.Value),
                    }))],
        };
    }

    public static JsonObject CardButton(Choice choice) =>
        AdaptiveCards.Submit(choice.Title, (JsonObject?)choice.Value?.DeepClone() ?? FaqAction.Data(FaqAction.Ask, question: choice.Text));
}
