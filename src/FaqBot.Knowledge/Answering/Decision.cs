using FaqBot.Knowledge.Clinic;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Answering;

/// <summary>What the bot does with one message, and everything it needs to say it.</summary>
/// <param name="Result">The ranked passages (also when abstaining, for the CLI and staff reports); empty when urgent.</param>
/// <param name="Urgent">The rule that made the message urgent; null otherwise.</param>
/// <param name="IsPersonalAdvice">The patient asks about their own situation; the answer adds that a dermatologist should decide.</param>
/// <param name="SearchedText">What was searched: the message, or the message with the previous topic when it could not stand alone.</param>
/// <param name="Clinic">The clinic fact that answers it, when <paramref name="Kind"/> is <see cref="DecisionKind.Clinic"/>.</param>
public sealed record Decision(
    DecisionKind Kind,
    SearchResult Result,
    UrgentMatch? Urgent,
    bool IsPersonalAdvice,
    string SearchedText,
    ClinicMatch? Clinic = null)
{
    public SearchHit? Best => Kind == DecisionKind.Answer ? Result.Best : null;

    /// <summary>The decision's name as the CLI prints it: answer, abstain, urgent or clinic.</summary>
    public string Name => Kind.ToString().ToLowerInvariant();
}
