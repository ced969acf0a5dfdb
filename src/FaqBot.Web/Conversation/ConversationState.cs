namespace FaqBot.Web.Conversation;

/// <summary>What the bot remembers of one conversation between turns.</summary>
/// <param name="LastAnswer">The passage shown last, for "tell me more", "where is this from?" and feedback.</param>
/// <param name="Topic">The last question that found an answer; a short follow-up is searched with it.</param>
/// <param name="SentAnswers">Channel ids of answers sent, newest last, for feedback that names the message it rates.</param>
public sealed record ConversationState(AnswerRef? LastAnswer, string? Topic, IReadOnlyList<KeyValuePair<string, AnswerRef>> SentAnswers)
{
    public const int MaxSentAnswers = 20;

    public static ConversationState Empty { get; } = new(null, null, []);

    public ConversationState WithSent(string? activityId, AnswerRef answer) => activityId is null
        ? this
        : this with { SentAnswers = [.. SentAnswers.TakeLast(MaxSentAnswers - 1), new(activityId, answer)] };

    public AnswerRef? FindSent(string? activityId) =>
        activityId is null ? null : SentAnswers.LastOrDefault(p => p.Key == activityId).Value;
}
