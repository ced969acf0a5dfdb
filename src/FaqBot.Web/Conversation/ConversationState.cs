namespace FaqBot.Web.Conversation;

/// <summary>What the bot remembers of one conversation between turns.</summary>
/// <param name="LastAnswer">The passage shown last, for "tell me more", "where is this from?" and feedback.</param>
/// <param name="Topic">The last question that found an answer, cut to <see cref="MaxTopicLength"/>; a short follow-up is searched with it.</param>
/// <param name="SentAnswers">Channel ids of answers sent, newest last, for feedback that names the message it rates.</param>
public sealed record ConversationState(AnswerRef? LastAnswer, string? Topic, IReadOnlyList<KeyValuePair<string, AnswerRef>> SentAnswers)
{
    public const int MaxSentAnswers = 20;

    /// <summary>
    /// The topic is an excerpt, not the message: a follow-up needs the question's subject, and a whole body (up to the
    /// 256 KB request limit) kept for each of thousands of conversations is what let memory grow without bound.
    /// </summary>
    public const int MaxTopicLength = 300;

    /// <summary>The first <see cref="MaxTopicLength"/> characters of a question, cut at a word boundary when there is one.</summary>
    public static string? TopicOf(string? question)
    {
        if (question is null || question.Length <= MaxTopicLength)
        {
            return question;
        }
        var cut = question.LastIndexOf(' ', MaxTopicLength);
        var end = cut > MaxTopicLength / 2 ? cut : MaxTopicLength;
        // Never end on half a surrogate pair.
        if (char.IsHighSurrogate(question[end - 1]))
        {
            end--;
        }
        return question[..end];
    }

    public static ConversationState Empty { get; } = new(null, null, []);

    public ConversationState WithSent(string? activityId, AnswerRef answer) => activityId is null
        ? this
        : this with { SentAnswers = [.. SentAnswers.TakeLast(MaxSentAnswers - 1), new(activityId, answer)] };

    public AnswerRef? FindSent(string? activityId) =>
        activityId is null ? null : SentAnswers.LastOrDefault(p => p.Key == activityId).Value;
}
