using System.Text.RegularExpressions;

namespace FaqBot.Knowledge.Feedback;

/// <summary>Removes e-mail addresses, phone numbers and dates from patient text before it is written anywhere.</summary>
public static partial class Redactor
{
    public const string Email = "[email]";
    public const string Phone = "[phone]";
    public const string Date = "[date]";

    public static string Redact(string text)
    {
        // Order matters: e-mails before phones (digits in addresses), dates before phones (2024-03-05 looks like a number).
        var result = EmailPattern().Replace(text, Email);
        result = NumericDate().Replace(result, Date);
        result = NamedDate().Replace(result, Date);
        result = PhonePattern().Replace(result, m => m.Value.Count(char.IsDigit) >= 7 ? Phone : m.Value);
        return result;
    }

    [GeneratedRegex(@"[\w.%+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // 2024-03-05, 05/03/2024, 5.3.24, 3/14 (a slash date without a year is still a date a patient could be found by).
    [GeneratedRegex(@"\b(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01]))\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    // March 5, 5 March 2024, 5th of March, Mar 2024, March 5th.
    [GeneratedRegex(@"\b(\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?(,?\s+\d{4})?|(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?\s+(\d{1,2}(st|nd|rd|th)?\b(,?\s+\d{4})?|\d{4}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedDate();

    // Seven or more digits with the usual separators: +1 (555) 010-0199, 0044 20 7946 0958, 5550100199.
    [GeneratedRegex(@"(?<![\w])\+?\(?\d[\d\s().-]{5,}\d(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
