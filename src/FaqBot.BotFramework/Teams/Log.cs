using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Teams;

internal static partial class Log
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Ignored a Teams {ActivityType} activity from tenant {TenantId}, which is not in Teams:AllowedTenantIds")]
    public static partial void TenantNotAllowed(ILogger logger, string? activityType, string? tenantId);
}
