namespace FaqBot.Knowledge.Triage;

/// <summary>Why a message was judged urgent: the rule and the words of the message that matched it.</summary>
public sealed record UrgentMatch(UrgentRule Rule, UrgentPattern Pattern, string MatchedWords);
