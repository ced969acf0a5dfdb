using System.Runtime.CompilerServices;
using System.Text.Json;
using FaqBot.BotFramework.Activities;

namespace FaqBot.Web.Conversation;

// The bot's choices, channel-neutral: suggested actions that send the choice's text and, when it names something
// exact (a passage), its value too. A channel that cannot show them so moves them onto a card on the way out.
internal static class ChoicePresenter
{
    // A choice's action is built (its value serialised) once while the choice lives: the follow-ups of a passage are
    // the same choices on every answer. Shared actions are never changed after they are built.
    private static readonly ConditionalWeakTable<Choice, CardAction> Actions = new();

    public static SuggestedActions SuggestedActions(IEnumerable<Choice> choices) => new()
    {
        Actions = [.. choices.Select(c => Actions.GetValue(c, static c => c.Value is null
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
