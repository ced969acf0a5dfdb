using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Maps our Direct Line 3.0 server and the page's token endpoint.</summary>
public static class DirectLineEndpoints
{
    /// <summary>Maps Direct Line 3.0 under <paramref name="prefix"/> (e.g. <c>/v3/directline</c>); on an app it also adds the WebSocket and CORS middleware.</summary>
    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder endpoints, string prefix)
    {
        endpoints.ServiceProvider.GetRequiredService<DirectLineMount>().Prefix = prefix.TrimEnd('/');
        if (endpoints is IApplicationBuilder app)
        {
            AddMiddlewareOnce(app);
        }

        var group = endpoints.MapGroup(prefix).RequireCors(DirectLineServiceExtensions.CorsPolicy).AddEndpointFilter(DirectLineLimit).AddEndpointFilter(StoreUnavailable);
        var at = prefix.TrimEnd('/');
        group.MapPost("/tokens/generate", DirectLineTokenHandlers.GenerateAsync);
        group.MapPost("/tokens/refresh", DirectLineTokenHandlers.RefreshAsync);
        group.MapPost("/conversations", (HttpContext ctx, DirectLineTokens tokens, IDirectLineStore conversations, DirectLineChannel channel) =>
            DirectLineConversationHandlers.StartAsync(ctx, at, tokens, conversations, channel));
        group.MapGet("/conversations/{conversationId}", (HttpContext ctx, string conversationId, string? watermark) =>
            DirectLineConversationHandlers.ReconnectAsync(ctx, at, conversationId, watermark));
        group.MapGet("/conversations/{conversationId}/activities", DirectLineConversationHandlers.GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/activities", DirectLineConversationHandlers.PostActivityAsync);
        group.MapPost("/conversations/{conversationId}/upload", DirectLineConversationHandlers.UploadAsync);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStreamHandler.StreamAsync);
        return group;
    }

    /// <summary>Maps <c>POST</c> <paramref name="path"/>, which gives the page a Direct Line token (ours, or Azure's in Azure mode).</summary>
    public static RouteHandlerBuilder MapDirectLineTokenEndpoint(this IEndpointRouteBuilder endpoints, string path)
    {
        if (endpoints is IApplicationBuilder app)
        {
            AddMiddlewareOnce(app);
        }

        return endpoints.MapPost(path, DirectLineTokenEndpoint.IssueAsync)
            .RequireCors(DirectLineServiceExtensions.CorsPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<DirectLineRateLimits>();
                using var lease = limits.AcquireTokenEndpoint(context.HttpContext);
                return lease.IsAcquired ? await next(context) : TooMany(lease);
            });
    }

    private static async ValueTask<object?> DirectLineLimit(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var limits = context.HttpContext.RequestServices.GetRequiredService<DirectLineRateLimits>();
        using var lease = limits.AcquireDirectLine(context.HttpContext);
        return lease.IsAcquired ? await next(context) : TooMany(lease);
    }

    // A shared store that cannot be reached is a short outage, not a bug: 503 with Retry-After makes Direct Line JS
    // retry, where a hanging request or a 500 would end the chat.
    private static async ValueTask<object?> StoreUnavailable(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DirectLineStoreUnavailableException e)
        {
            // The cause's type only (a timeout or a lost connection): enough to tell an outage from an overload.
            var logger = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("FaqBot.BotFramework.DirectLine");
            Log.StoreUnavailable(logger, e.InnerException?.GetType().Name ?? e.Message);
            return new RetryAfterResult(StoreRetrySeconds, DirectLineResults.Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable",
                "The chat is briefly unavailable; please try again in a moment."));
        }
    }

    private const int StoreRetrySeconds = 5;

    private static IResult TooMany(System.Threading.RateLimiting.RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        return new RetryAfterResult(retryAfter, DirectLineResults.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; please wait a moment."));
    }

    private static void AddMiddlewareOnce(IApplicationBuilder app)
    {
        const string key = "FaqBot.DirectLine.Middleware";
        if (app.Properties.ContainsKey(key))
        {
            return;
        }

        app.Properties[key] = true;
        app.UseWebSockets();
        app.UseCors();
    }

    private sealed class RetryAfterResult(int seconds, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
