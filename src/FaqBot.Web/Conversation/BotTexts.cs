namespace FaqBot.Web.Conversation;

// The bot's own words. Everything a patient reads that is not a quoted article passage or its citation is here,
// so clinic staff can review it in one place; none of it gives medical information.
internal static partial class BotTexts
{
    public const string TellMeMore = "Tell me more";
    public const string WhereIsThisFrom = "Where is this from?";
    public const string Helpful = "Helpful";
    public const string NotHelpful = "Not helpful";
    public const string NoAnswer = "I couldn't find that in our articles.";
    public const string PersonalAdvice = "Whether this applies to you depends on your own situation (your health, medicines, pregnancy and skin). A dermatologist should decide that with you.";
    public const string EndOfArticle = "That was the last part of this article. Ask me another question, or type \"help\".";
    public const string NothingToContinue = "There is no answer to continue yet. Ask me a question first.";
    public const string NoSourceYet = "I haven't quoted an article yet. Ask me a question and I'll show where the answer comes from.";
    public const string StartOver = "OK, let's start over. What would you like to know?";
    public const string ThanksHelpful = "Thank you, that helps us improve.";
    public const string AskReason = "Thank you for telling us. What was wrong with the answer?";
    public const string ThanksReason = "Thank you. We'll use this to improve our answers.";

    public static readonly string[] Reasons = ["It didn't answer my question", "It was hard to understand", "It was about something else"];

    public static string Safeguard(ClinicOptions clinic) =>
        "This is general information, not medical advice. Please see a board-certified dermatologist about your own skin: "
        + Contact(clinic) + ".";

    public static string Contact(ClinicOptions clinic) => string.IsNullOrWhiteSpace(clinic.BookingUrl)
        ? $"call {clinic.Name} at {Tel(clinic.Phone)}"
        : $"book at {clinic.BookingUrl} or call {clinic.Name} at {Tel(clinic.Phone)}";

    // Only the help that fits: the crisis line for thoughts of self-harm, the emergency number and the clinic for a
    // problem of the body. A patient in crisis reads one way to a person first, not a list.
    public static string Urgent(ClinicOptions clinic, bool crisis) => crisis
        ? "I'm really sorry you're going through this. You deserve support from a person right now.\n\n"
            + $"Please reach out now: {Tel(clinic.CrisisLine)}. You don't have to go through this alone.\n\n"
            + $"If you are in immediate danger or have taken something, call {Tel(clinic.EmergencyNumber)} now."
        : "I'm sorry you're dealing with this. What you describe needs care from a person now, not an article.\n\n"
            + $"If this is an emergency (trouble breathing, swelling of your lips, tongue or throat, chest pain, or you feel very unwell), call {Tel(clinic.EmergencyNumber)} now.\n\n"
            + $"For a problem after a treatment, call {clinic.Name} at {Tel(clinic.Phone)} now.";

    /// <summary>The first phone number in <paramref name="text"/> as a Markdown <c>tel:</c> link, so a patient on a
    /// phone taps to call ("988 (Suicide &amp; Crisis Lifeline, call or text)" keeps its words, "988" becomes the link).</summary>
    public static string Tel(string text)
    {
        var number = PhoneNumber().Match(text);
        if (!number.Success)
        {
            return text;
        }

        var dial = new string(number.Value.Where(c => char.IsDigit(c) || c == '+').ToArray());
        return text[..number.Index] + $"[{number.Value}](tel:{dial})" + text[(number.Index + number.Length)..];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\+?\d[\d\s().-]{1,18}\d")]
    private static partial System.Text.RegularExpressions.Regex PhoneNumber();

    public static string NoAnswerDetails(IEnumerable<string> topics, ClinicOptions clinic) =>
        "I can answer questions about:\n\n" + string.Join("\n", topics.Select(t => "- " + t))
        + $"\n\nTo ask the clinic directly, {Contact(clinic)}.";

    public static string Welcome(ClinicOptions clinic, string subject) =>
        $"Hello! I'm the {clinic.Name} FAQ assistant. I answer questions about {subject} with passages from the articles our clinic trusts, and I always show the source.\n\n"
        + "I can't give personal medical advice, look at photos, or book appointments.\n\n"
        + Safeguard(clinic) + "\n\nTry one of these questions, or type your own:";

    public static string Help(ClinicOptions clinic, string subject) =>
        $"Ask me anything about {subject} in your own words. After an answer you can say:\n\n"
        + $"- \"{TellMeMore}\" for the next part of the article\n- \"{WhereIsThisFrom}\" for the full source\n- \"start over\" to begin again\n\n"
        + Safeguard(clinic) + "\n\nFor example:";
}
