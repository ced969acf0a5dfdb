namespace FaqBot.Web.Knowledge;

internal static partial class Log
{
    [LoggerMessage(7101, LogLevel.Information, "Knowledge content hash {ContentHash} ({Articles} articles); every instance of one deployment should report the same")]
    public static partial void KnowledgeContent(ILogger logger, string contentHash, int articles);
}
