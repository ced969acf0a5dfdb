using System.Text.RegularExpressions;

namespace FaqBot.Web.Conversation;

/// <summary>
/// The bot's own words in one language, from the staff-editable texts file (knowledge/texts/&lt;language&gt;.yaml),
/// with the clinic's name, numbers and links filled in. Nothing here gives medical information.
/// </summary>
public sealed partial class BotTexts
{
    // Every text the bot needs, with the placeholders it may hold. A file must give exactly these keys.
    internal static readonly IReadOnlyDictionary<string, string[]> Placeholders = BuildPlaceholders();

    private readonly IReadOnlyDictionary<string, string> texts;
    private readonly ClinicOptions clinic;

    internal BotTexts(string language, IReadOnlyDictionary<string, string> texts, ClinicOptions clinic)
    {
        Language = language;
        this.texts = texts;
        this.clinic = clinic;
    }

    /// <summary>The file's language ("en", "es"); the articles are in <see cref="BotTextsCatalog.ArticleLanguage"/>.</summary>
    public string Language { get; }

    public string TellMeMore => texts["tell_me_more"];
    public string WhereIsThisFrom => texts["where_is_this_from"];
    public string Helpful => texts["helpful"];
    public string NotHelpful => texts["not_helpful"];
    public string NoAnswer => Fill("no_answer");
    public string PersonalAdvice => Fill("personal_advice");
    public string EndOfArticle => Fill("end_of_article");
    public string NothingToContinue => Fill("nothing_to_continue");
    public string NoSourceYet => Fill("no_source_yet");
    public string StartOver => Fill("start_over");
    public string ThanksHelpful => Fill("thanks_helpful");
    public string AskReason => Fill("ask_reason");
    public string ThanksReason => Fill("thanks_reason");
    public string Error => Fill("error");

    /// <summary>Said above a quoted passage when the patient reads another language than the articles'.</summary>
    public string? QuotedInArticleLanguage => Language == BotTextsCatalog.ArticleLanguage ? null : Fill("quoted_in_english");

    public IReadOnlyList<string> Reasons => [texts["reason_not_answered"], texts["reason_hard_to_understand"], texts["reason_something_else"]];

    public string Safeguard => Fill("safeguard");

    public string Contact => Fill(string.IsNullOrWhiteSpace(clinic.BookingUrl) ? "contact_phone" : "contact_booking");

    // Only the help that fits: the crisis line for thoughts of self-harm, the emergency number and the clinic for a
    // problem of the body. A patient in crisis reads one way to a person first, not a list.
    public string Urgent(bool crisis) => Fill(crisis ? "urgent_crisis" : "urgent_body");

    public string NoAnswerDetails(IEnumerable<string> topics) =>
        Fill("no_answer_topics", topics: string.Join("\n", topics.Select(t => "- " + t)));

    /// <summary>Under one of the clinic's own facts: the clinic is the source, not an article.</summary>
    public string ClinicSource => Fill("clinic_source");

    /// <summary>Under every clinic fact: how to book or ask (tap-to-call, and the booking page when there is one).</summary>
    public string ClinicHowToReach => Fill(string.IsNullOrWhiteSpace(clinic.BookingUrl) ? "clinic_how_to_reach_phone" : "clinic_how_to_reach_booking");

    public string BookButton => texts["book_button"];

    /// <summary>For "talk to a person" and "book an appointment": the phone first, the booking page, then the opening
    /// hours as staff wrote them (<paramref name="hours"/>, already worded).</summary>
    public string ClinicContactOptions(string? hours) => string.Join("\n\n", new[]
    {
        Fill("clinic_call"),
        string.IsNullOrWhiteSpace(clinic.BookingUrl) ? null : Fill("clinic_book_online"),
        hours,
    }.Where(line => line is not null));

    public string Welcome(string subject) => Fill("welcome", subject);

    public string Help(string subject) => Fill("help", subject);

    private string Fill(string key, string? subject = null, string? topics = null) =>
        Placeholder().Replace(texts[key], match => match.Groups[1].Value switch
        {
            "clinic" => clinic.Name,
            "phone" => Tel(clinic.Phone),
            "emergency" => Tel(clinic.EmergencyNumber),
            "crisis_line" => Tel(clinic.CrisisLine),
            "booking_url" => clinic.BookingUrl ?? "",
            "contact" => Contact,
            "safeguard" => Safeguard,
            "subject" => subject ?? "",
            "topics" => topics ?? "",
            "tell_me_more" => TellMeMore,
            "where_is_this_from" => WhereIsThisFrom,
            // The file was checked at start-up, so an unknown name cannot get here.
            _ => match.Value,
        });

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

    [GeneratedRegex(@"\+?\d[\d\s().-]{1,18}\d")]
    private static partial Regex PhoneNumber();

    /// <summary>A <c>{name}</c> in a text; the name is checked against <see cref="Placeholders"/>.</summary>
    [GeneratedRegex(@"\{([^{}\s]*)\}")]
    internal static partial Regex Placeholder();

    private static Dictionary<string, string[]> BuildPlaceholders()
    {
        string[] clinicDetails = ["clinic", "phone", "emergency", "crisis_line", "booking_url"];
        string[] plain = [];
        var all = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["welcome"] = [.. clinicDetails, "contact", "safeguard", "subject"],
            ["help"] = [.. clinicDetails, "contact", "safeguard", "subject", "tell_me_more", "where_is_this_from"],
            ["safeguard"] = [.. clinicDetails, "contact"],
            ["contact_phone"] = clinicDetails,
            ["contact_booking"] = clinicDetails,
            ["no_answer"] = clinicDetails,
            ["no_answer_topics"] = [.. clinicDetails, "contact", "topics"],
            ["personal_advice"] = clinicDetails,
            ["urgent_crisis"] = clinicDetails,
            ["urgent_body"] = clinicDetails,
            ["quoted_in_english"] = plain,
            ["end_of_article"] = clinicDetails,
            ["nothing_to_continue"] = clinicDetails,
            ["no_source_yet"] = clinicDetails,
            ["start_over"] = clinicDetails,
            ["error"] = clinicDetails,
            ["thanks_helpful"] = clinicDetails,
            ["ask_reason"] = clinicDetails,
            ["thanks_reason"] = clinicDetails,
            ["clinic_source"] = clinicDetails,
            ["clinic_how_to_reach_phone"] = clinicDetails,
            ["clinic_how_to_reach_booking"] = clinicDetails,
            ["clinic_call"] = clinicDetails,
            ["clinic_book_online"] = clinicDetails,
        };

        // Button words and feedback reasons are sent back as they are, so they hold no placeholders.
        foreach (var key in (string[])["tell_me_more", "where_is_this_from", "helpful", "not_helpful", "book_button",
                     "reason_not_answered", "reason_hard_to_understand", "reason_something_else"])
        {
            all[key] = plain;
        }

        return all;
    }
}
