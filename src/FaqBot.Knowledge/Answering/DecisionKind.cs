namespace FaqBot.Knowledge.Answering;

/// <summary>What the bot does with a message; the CLI's <c>decision</c> field prints these in lower case.</summary>
public enum DecisionKind
{
    Answer,
    Abstain,
    Urgent,

    /// <summary>No article answers it, but one of the clinic's own facts does (address, hours, booking, a person).</summary>
    Clinic,
}
