using System.Diagnostics;
using FaqBot.BotFramework.Logging;
using FaqBot.BotFramework.Turns;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Feedback;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Search.Highlight;

namespace FaqBot.Web.Conversation;

/// <summary>Answers questions and the follow-ups on an answer ("tell me more", "where is this from?", a related section).</summary>
public sealed class QuestionResponder(ConversationServices services)
{
    private const int MaxButtonTitle = 40;

    // A question reads whole or not at all; a little longer than a heading still fits a button on a phone.
    private const int MaxQuestionButton = 60;
    private const int MaxCachedFollowUps = 4096;

    // A passage's next steps depend only on it and the related section found beside it; the knowledge is fixed while
    // the bot runs. Kept so their buttons are built once (see ChoicePresenter).
    private readonly BuiltOnceCache<(string Passage, string? Related, string Language), IReadOnlyList<Choice>> _followUps = new(MaxCachedFollowUps);

    public async Task<ConversationState> AnswerAsync(TurnContext turn, string text, string conversation, ConversationState state, CancellationToken ct)
    {
        Log.MessageText(services.Logger, LogText.Escape(text, 4096)!);
        // A slow decision gets a typing indicator from the turn pipeline (TypingIndicator), not from here.
        var decision = Decide(text, state);
        var best = decision.Best;
        Log.Decided(services.Logger, decision.Kind, LogText.Escape(conversation)!, best?.Passage.Id, best?.Confidence ?? decision.Result.Best?.Confidence,
            decision.Urgent?.Rule.Id, decision.IsPersonalAdvice);
        services.Feedback.RecordDecision(new DecisionEvent(decision.Kind, best?.Passage.Id, best?.Confidence, decision.Urgent?.Rule.Id, decision.IsPersonalAdvice));

        switch (decision.Kind)
        {
            case DecisionKind.Urgent:
                await turn.SendAsync(services.Composer.Urgent(turn.Activity, decision.Urgent!.Rule.Crisis), ct);
                return state;
            case DecisionKind.Clinic:
                var fact = decision.Clinic!.Fact;
                await turn.SendAsync(services.Composer.ClinicFact(turn.Activity, fact, services.Clinic.OfKind(FaqBot.Knowledge.Clinic.ClinicFactKind.Hours)), ct);
                return state;
            case DecisionKind.Abstain:
                await services.RecordAsync(s => s.RecordUnansweredAsync(text, conversation, decision.Result.Best?.Confidence, turn.Activity.CallerAddress));
                var topics = services.Searcher.GetArticles().Select(a => a.Citation.Title);
                await turn.SendAsync(services.Composer.NoAnswer(turn.Activity, topics, decision.IsPersonalAdvice, services.Examples), ct);
                return state;
            default:
                // A follow-up searched with the previous topic keeps that topic; a question that stood alone becomes it.
                var topic = decision.SearchedText == text ? text : state.Topic;
                var shown = await ShowAsync(turn, best!.Passage, best.BestSentence, best.Confidence, decision.IsPersonalAdvice, decision.Result, state, ct);
                return shown with { Topic = ConversationState.TopicOf(topic) };
        }
    }

    public async Task<ConversationState> TellMeMoreAsync(TurnContext turn, string? passageId, ConversationState state, CancellationToken ct)
    {
        passageId ??= state.LastAnswer?.PassageId;
        if (passageId is null)
        {
            await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).NothingToContinue, services.Examples), ct);
            return state;
        }

        var next = services.Searcher.GetNextPassage(passageId);
        if (next is null)
        {
            await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).EndOfArticle, services.Examples), ct);
            return state;
        }

        return await ShowAsync(turn, next, null, null, false, SearchResult.Empty, state, ct);
    }

    public async Task<ConversationState> WhereIsThisFromAsync(TurnContext turn, string? passageId, ConversationState state, CancellationToken ct)
    {
        var passage = (passageId ?? state.LastAnswer?.PassageId) is { } id ? services.Searcher.GetPassage(id) : null;
        if (passage is null)
        {
            await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).NoSourceYet, services.Examples), ct);
            return state;
        }

        var more = services.Searcher.GetNextPassage(passage.Id) is null ? [] : new[] { MoreChoice(passage, services.Composer.Texts(turn.Activity)) };
        await turn.SendAsync(services.Composer.Citation(turn.Activity, passage, more), ct);
        return state;
    }

    public async Task<ConversationState> ShowPassageAsync(TurnContext turn, string passageId, ConversationState state, CancellationToken ct)
    {
        var passage = services.Searcher.GetPassage(passageId);
        return passage is null
            ? await TellMeMoreAsync(turn, null, state, ct)
            : await ShowAsync(turn, passage, null, null, false, SearchResult.Empty, state, ct);
    }

    private async Task<ConversationState> ShowAsync(TurnContext turn, Passage passage, string? bestSentence, double? confidence, bool personal,
        SearchResult result, ConversationState state, CancellationToken ct)
    {
        var answer = new AnswerRef(passage.Id, "answer", confidence);
        var reply = services.Composer.Answer(turn.Activity, passage, bestSentence, answer, personal, FollowUps(passage, result, services.Composer.Texts(turn.Activity)));
        var id = await turn.SendAsync(reply, ct);
        return state.WithSent(id, answer) with { LastAnswer = answer };
    }

    // Two or three next steps: the rest of the section, the full source, and a related section when the search found one.
    private IReadOnlyList<Choice> FollowUps(Passage passage, SearchResult result, BotTexts words)
    {
        var related = RelatedSection(passage, result);
        return _followUps.GetOrBuild((passage.Id, related?.Id, words.Language), (Responder: this, Passage: passage, Related: related, Words: words),
            static (state, _) => state.Responder.BuildFollowUps(state.Passage, state.Related, state.Words));
    }

    private List<Choice> BuildFollowUps(Passage passage, Passage? related, BotTexts words)
    {
        var choices = new List<Choice>();
        if (services.Searcher.GetNextPassage(passage.Id) is not null)
        {
            choices.Add(MoreChoice(passage, words));
        }

        choices.Add(new Choice(words.WhereIsThisFrom, words.WhereIsThisFrom, FaqAction.Data(FaqAction.Source, passage.Id)));
        if (related is not null && RelatedLabel(related) is { } label)
        {
            choices.Add(new Choice(label, label, FaqAction.Data(FaqAction.Passage, related.Id)));
        }

        return choices;
    }

    // A button says what the patient will get, as a patient would ask it: the section's first patient question that
    // fits on a button ("How is it done?"), else its heading when that is a readable one. Page furniture ("Excerpt",
    // "A Word From Verywell", "Summary") never becomes a button.
    private string? RelatedLabel(Passage related)
    {
        var question = services.PatientQuestions(related.Id).FirstOrDefault(q => q.Length <= MaxQuestionButton && q.EndsWith('?'));
        if (question is not null)
        {
            return char.ToUpperInvariant(question[0]) + question[1..];
        }

        var heading = related.Heading;
        return heading.Length is 0 or > MaxButtonTitle || ClutterHeadings.Any(c => heading.StartsWith(c, StringComparison.OrdinalIgnoreCase)) ? null : heading;
    }

    private static readonly string[] ClutterHeadings = ["Excerpt", "A Word From", "Summary", "Conclusion", "References", "Sources", "Additional Reading", "Introduction"];

    private static Passage? RelatedSection(Passage passage, SearchResult result)
    {
        for (var i = 1; i < result.Hits.Count; i++)
        {
            var candidate = result.Hits[i].Passage;
            if (candidate.Heading.Length > 0 && !string.Equals(candidate.Heading, passage.Heading, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    private static Choice MoreChoice(Passage passage, BotTexts words) =>
        new(words.TellMeMore, words.TellMeMore, FaqAction.Data(FaqAction.More, passage.Id));

    private Decision Decide(string text, ConversationState state)
    {
        var started = Stopwatch.GetTimestamp();
        var decision = services.Decider.Decide(text, state.Topic, state.LastAnswer?.PassageId);
        services.Metrics.Decided(decision.Kind, Stopwatch.GetElapsedTime(started));
        return decision;
    }
}
