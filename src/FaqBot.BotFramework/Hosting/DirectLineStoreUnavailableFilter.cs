using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Hosting;

// A shared store that cannot be reached is a short outage, not a bug: 503 with Retry-After makes Direct Line JS
// retry, where a hanging request or a 500 would end the chat.
internal sealed class DirectLineStoreUnavailableFilter(ILogger<DirectLineStoreUnavailableFilter> logger) : IEndpointFilter
{
    private const int RetrySeconds = 5;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DirectLineStoreUnavailableException e)
        {
            // The cause's type only (a timeout or a lost connection): enough to tell an outage from an overload.
            Log.StoreUnavailable(logger, e.InnerException?.GetType().Name ?? e.Message);
            return DirectLineResults.Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
                "The chat is briefly unavailable; please try again in a moment.").WithRetryAfter(RetrySeconds);
        }
    }
}
