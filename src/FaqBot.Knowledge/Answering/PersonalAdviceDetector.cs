using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Answering;

/// <summary>
/// Recognises questions about the patient's own medical situation ("I'm pregnant, can I…", "should I stop my blood
/// thinner…"): the article can say what is true in general, but only a dermatologist can decide for them.
/// </summary>
public static partial class PersonalAdviceDetector
{
    public static bool IsPersonalAdvice(string? message) =>
        !string.IsNullOrWhiteSpace(message)
        && (ForMe().IsMatch(message) || (OwnSituation().IsMatch(message) && SituationTerm().IsMatch(message)));

    /// <summary>
    /// The patient tells of a circumstance ("I'm pregnant", "my son is on isotretinoin") that the passage never
    /// mentions: quoting it would answer a question about their situation with text about something else, so the bot
    /// declines and says a dermatologist should decide.
    /// </summary>
    public static bool PassageIgnoresSituation(string? message, string passageText)
    {
        if (string.IsNullOrWhiteSpace(message) || !OwnSituation().IsMatch(message))
        {
            return false;
        }

        var text = passageText.ToLowerInvariant();
        var situations = SituationTerm().Matches(message).Select(m => m.Value.ToLowerInvariant()).Where(t => !GenericTerms.Contains(t)).ToList();

        // A passage "covers" the situation when it names it, give or take an ending ("pregnant" / "pregnancy").
        return situations.Count > 0 && !situations.Any(s => s.Split(' ').Where(w => w.Length >= 4).Any(w => text.Contains(w[..Math.Min(w.Length, 6)], StringComparison.Ordinal)));
    }

    // Words that tell of the patient's situation but name no particular circumstance an article might speak of.
    private static readonly HashSet<string> GenericTerms = new(StringComparer.Ordinal)
    {
        "years old", "skin type", "medical condition", "skin condition", "disease", "disorder", "medication", "medications",
        "medicine", "medicines", "meds", "pills", "pill", "dark skin", "darker skin", "sensitive skin", "tan", "tanned",
    };

    // Asking for a verdict about oneself, whatever the topic.
    [GeneratedRegex(@"\b(is it (safe|ok|okay|alright|fine|a good idea|right) for me|for (someone|people) like me|in my case|am i (a )?(good |right |suitable )?(candidate|eligible|suitable)|would i be (a )?(good )?candidate|should i (stop|start|keep taking|quit|pause|skip) (my|taking|using|the)|do i need to stop|can i still)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForMe();

    // The patient tells of themselves: "I'm", "I have", "my …".
    [GeneratedRegex(@"\b(i'?m|i am|i have|i've|ive|i had|i take|i use|i'?ve got|i got|i was|i suffer|i'?m on|my)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnSituation();

    // Circumstances an article cannot weigh for one person: pregnancy, medicines, conditions, age, history.
    [GeneratedRegex(@"\b(pregnant|expecting a baby|breast ?feed\w*|nursing|trying to conceive|ttc|blood thinners?|anticoagula\w*|warfarin|aspirin|eliquis|xarelto|heparin|accutane|isotretinoin|retino\w*|tretinoin|antibiotics?|steroids?|prednisone|medications?|medicines?|meds|pills?|chemo\w*|diabet\w*|eczema|psoriasis|rosacea|keloids?|herpes|cold sores?|fever blisters?|autoimmune|lupus|immun\w*|hiv|bleeding disorder|haemophilia|hemophilia|clotting|heart condition|pacemaker|cancer|allerg\w*|active acne|cystic acne|infection|skin condition|medical condition|disease|disorder|surgery|botox|fillers?|sunburn\w*|tan|tanned|dark skin|darker skin|skin type|sensitive skin|years old|\d{2} ?(yo|y/o))\b", RegexOptions.IgnoreCase)]
    private static partial Regex SituationTerm();
}
