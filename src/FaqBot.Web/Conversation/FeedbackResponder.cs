using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Logging;
using FaqBot.BotFramework.Turns;
using FaqBot.Knowledge.Feedback;

namespace FaqBot.Web.Conversation;

/// <summary>Records helpful / not helpful from our card buttons and from Teams' own feedback invoke.</summary>
public sealed class FeedbackResponder(ConversationServices services)
{
    public const string TeamsSubmitAction = "message/submitAction";

    public async Task OnButtonAsync(TurnContext turn, FaqAction action, string conversation, ConversationState state, CancellationToken ct)
    {
        var passageId = action.PassageId ?? state.LastAnswer?.PassageId;
        if (passageId is null)
        {
            await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).NoSourceYet), ct);
            return;
        }

        var user = turn.Activity.From?.Id ?? "";
        if (action.Name == FaqAction.FeedbackReason)
        {
            var kept = await services.RecordAsync(s => s.RecordReasonAsync(passageId, conversation, user, action.Reason ?? "", turn.Activity.CallerAddress));
            await turn.SendAsync(services.Composer.Message(turn.Activity, kept ? services.Composer.Texts(turn.Activity).ThanksReason : services.Composer.Texts(turn.Activity).Error), ct);
            return;
        }

        var helpful = action.Helpful ?? false;
        var question = QuestionOf(passageId, state);
        var recorded = await services.RecordAsync(s => s.RecordFeedbackAsync(
            new FeedbackEntry(passageId, StoredDecision.Parse(action.Decision), action.Confidence, helpful, null, conversation, user, question), turn.Activity.CallerAddress));
        if (!recorded)
        {
            // Not stored (the database is down): no thanks for what was lost; the apology says to try again.
            await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).Error), ct);
            return;
        }

        Log.FeedbackRecorded(services.Logger, LogText.Escape(passageId)!, helpful);
        services.Metrics.Voted(helpful);
        if (helpful)
        {
            await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).ThanksHelpful), ct);
            return;
        }

        var reasons = services.Composer.Texts(turn.Activity).Reasons.Select(r => new Choice(r, r, FaqAction.Data(FaqAction.FeedbackReason, passageId, reason: r))).ToList();
        await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).AskReason, reasons), ct);
    }

    /// <summary>
    /// Teams' feedback loop: <c>value.actionValue.reaction</c> is like or dislike, <c>feedback</c> a JSON string with the
    /// text; <c>replyToId</c> names the rated message. Teams wants 200 with an empty object (protocol reference 7.6).
    /// </summary>
    public async Task OnTeamsFeedbackAsync(TurnContext turn, string conversation, ConversationState state)
    {
        turn.InvokeResponse = new InvokeResponse(200, new JsonObject());
        var activity = turn.Activity;
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("actionValue", out var actionValue) || actionValue.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var answer = state.FindSent(activity.ReplyToId);
        if (answer is null)
        {
            Log.UnknownRatedMessage(services.Logger, LogText.Escape(activity.ReplyToId));
            return;
        }

        var helpful = actionValue.TryGetProperty("reaction", out var reaction) && reaction.ValueKind == JsonValueKind.String && reaction.GetString() == "like";
        var reason = actionValue.TryGetProperty("feedback", out var feedback) && feedback.ValueKind == JsonValueKind.String ? FeedbackText(feedback.GetString()!) : null;
        var question = QuestionOf(answer.PassageId, state);
        if (!await services.RecordAsync(s => s.RecordFeedbackAsync(
            new FeedbackEntry(answer.PassageId, StoredDecision.Parse(answer.Decision), answer.Confidence, helpful, reason, conversation, activity.From?.Id ?? "", question), activity.CallerAddress)))
        {
            // Teams shows its own "sent" on 200; a 503 tells it the feedback did not arrive.
            turn.InvokeResponse = new InvokeResponse(503, new JsonObject());
            return;
        }

        Log.FeedbackRecorded(services.Logger, LogText.Escape(answer.PassageId)!, helpful);
        services.Metrics.Voted(helpful);
    }

    // The conversation remembers the question of its last answer only: a vote on an older answer is kept without one,
    // rather than beside a question it did not answer. Staff read it (redacted) beside a "not helpful".
    private static string? QuestionOf(string passageId, ConversationState state) =>
        state.LastAnswer?.PassageId == passageId ? state.Topic : null;

    private static string? FeedbackText(string json)
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
