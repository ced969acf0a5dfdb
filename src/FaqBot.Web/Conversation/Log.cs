using FaqBot.Knowledge.Answering;

namespace FaqBot.Web.Conversation;

// Ids, decisions and scores only; the patient's words are health information and appear at Debug level at most.
internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Debug, "Message text: {Text}")]
    public static partial void MessageText(ILogger logger, string text);

    // Per message, so Debug: at Information a busy bot spent more on this line than on the answer. The counts are in
    // the feedback file's decisions table (faqbot report).
    [LoggerMessage(4002, LogLevel.Debug, "Decision {Decision} for conversation {Conversation}: passage {PassageId}, confidence {Confidence}, urgent rule {UrgentRule}, personal advice {PersonalAdvice}")]
    public static partial void Decided(ILogger logger, DecisionKind decision, string conversation, string? passageId, double? confidence, string? urgentRule, bool personalAdvice);

    [LoggerMessage(4003, LogLevel.Information, "Feedback on passage {PassageId}: helpful {Helpful}")]
    public static partial void FeedbackRecorded(ILogger logger, string passageId, bool helpful);

    // The rated message's id is the caller's choice, so Debug.
    [LoggerMessage(4005, LogLevel.Debug, "A rating of message {ActivityId} names no answer this conversation remembers")]
    public static partial void UnknownRatedMessage(ILogger logger, string? activityId);

    // Per conversation and naming a caller-chosen id, so Debug.
    [LoggerMessage(4006, LogLevel.Debug, "Welcome sent in conversation {Conversation} ({ActivityType})")]
    public static partial void WelcomeSent(ILogger logger, string? conversation, string? activityType);
}
