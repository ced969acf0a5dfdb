using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Teams;

namespace FaqBot.Web.Conversation;

// Teams shows suggested actions only in personal chats, and only imBack; elsewhere in Teams the same choices become
// card buttons (protocol reference 2.5). Other channels get suggested actions near the composer.
internal static class ChoicePresenter
{
    public static bool UsesSuggestedActions(Activity inbound) => TeamsContext.From(inbound) is not { IsPersonal: false };

    public static SuggestedActions SuggestedActions(Activity inbound, IEnumerable<Choice> choices)
    {
        var teams = TeamsContext.IsTeams(inbound);
        return new SuggestedActions
        {
            Actions = choices.Select(c => c.Value is null || teams
                    ? CardAction.ImBack(c.Text)
                    : new CardAction
                    {
                        // Web Chat posts text and value together; the value names the exact passage.
                        Type = "messageBack",
                        Title = c.Title,
                        Text = c.Text,
                        DisplayText = c.Text,
                        Value = JsonSerializer.SerializeToElement(c.Value),
                    })
                .ToList(),
        };
    }

    public static JsonObject CardButton(Choice choice) =>
        AdaptiveCards.Submit(choice.Title, (JsonObject?)choice.Value?.DeepClone() ?? FaqAction.Data(FaqAction.Ask, question: choice.Text));
}
