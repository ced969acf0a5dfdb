using FaqBot.Knowledge.Answering;

namespace FaqBot.Knowledge.Feedback;

/// <summary>
/// How a decision is written in the feedback database: its lower-case name ("answer", "abstain", "urgent", "clinic"),
/// as every file written so far has it, so the rows stay readable with plain SQL and old files read unchanged.
/// </summary>
public static class StoredDecision
{
    public static string Name(DecisionKind kind) => kind switch
    {
        DecisionKind.Answer => "answer",
        DecisionKind.Abstain => "abstain",
        DecisionKind.Urgent => "urgent",
        DecisionKind.Clinic => "clinic",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A rated reply's kind from a card's data; an answer when missing or unknown (older cards carried none).</summary>
    public static DecisionKind Parse(string? name) =>
        Enum.TryParse<DecisionKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : DecisionKind.Answer;
}
