using FaqBot.Knowledge.Clinic;

namespace FaqBot.Web.Conversation;

// The bot's own words around a clinic fact (the fact itself is staff's text from knowledge/clinic/). Kept apart so they
// can move into the bot's texts file with the rest; none of it gives medical information.
internal static class ClinicTexts
{
    public const string BookButton = "Book an appointment";

    /// <summary>Under a fact: the clinic itself is the source, not an article.</summary>
    public static string Source(ClinicOptions clinic) => $"From {clinic.Name}.";

    /// <summary>Under every clinic fact: how to book or ask (tap-to-call, and the booking link when there is one).</summary>
    public static string HowToReach(ClinicOptions clinic) => string.IsNullOrWhiteSpace(clinic.BookingUrl)
        ? $"To book or ask us anything, call {BotTexts.Tel(clinic.Phone)}."
        : $"To book, use the button below or {clinic.BookingUrl}, or call {BotTexts.Tel(clinic.Phone)}.";

    /// <summary>For "talk to a person" and "book an appointment": the phone first, then when someone answers it.</summary>
    public static string ContactOptions(ClinicOptions clinic, ClinicFact? hours)
    {
        var lines = new List<string> { $"Call {clinic.Name} at {BotTexts.Tel(clinic.Phone)}." };
        if (!string.IsNullOrWhiteSpace(clinic.BookingUrl))
        {
            lines.Add($"Book online: {clinic.BookingUrl}");
        }

        if (hours is not null)
        {
            lines.Add($"{hours.Title}: {hours.Body}");
        }

        return string.Join("\n\n", lines);
    }
}
