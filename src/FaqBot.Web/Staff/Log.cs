namespace FaqBot.Web.Staff;

// No patient or staff question text in any of these: only ids, counts and who.
internal static partial class Log
{
    [LoggerMessage(4501, LogLevel.Information, "Staff {Who} hid passage {PassageId} from answers")]
    public static partial void PassageHidden(ILogger logger, string who, string passageId);

    [LoggerMessage(4502, LogLevel.Information, "Staff {Who} let passage {PassageId} be used in answers again")]
    public static partial void PassageShown(ILogger logger, string who, string passageId);

    [LoggerMessage(4503, LogLevel.Warning, "Could not write the hidden passages file {Path}; is the knowledge folder writable?")]
    public static partial void HiddenFileNotWritten(ILogger logger, string path, Exception exception);

    [LoggerMessage(4504, LogLevel.Debug, "Staff tried a question: {Question}")]
    public static partial void TriedQuestion(ILogger logger, string question);
}
