namespace FaqBot.Knowledge.Feedback;

/// <summary>The staff report (and <c>faqbot report</c>), read from either backend.</summary>
/// <param name="writer">The running bot's writer, flushed first so the report includes the last second's decisions; none in the CLI.</param>
public sealed class FeedbackReader(IFeedbackDatabase database, FeedbackWriter? writer = null)
{
    public string Name => database.Name;

    public async Task<FeedbackReport> ReportAsync(DateTimeOffset from, DateTimeOffset to)
    {
        if (writer is not null)
        {
            await writer.FlushAsync();
        }

        return Report(from, to);
    }

    /// <summary>What is committed now, without waiting for the writer.</summary>
    public FeedbackReport Report(DateTimeOffset from, DateTimeOffset to)
    {
        using var connection = database.Open();
        return FeedbackReportReader.Read(connection, from, to);
    }
}
