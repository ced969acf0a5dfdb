using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Our Direct Line 3.0 server and the page's token endpoint: <see cref="UseDirectLine"/>, then the Map calls.</summary>
public static class DirectLineEndpoints
{
    private const string MiddlewareKey = "FaqBot.DirectLine.Middleware";

    /// <summary>
    /// Adds the middleware Direct Line needs, in order: WebSockets (the stream URL), CORS (clinic sites embedding the
    /// chat), then the rate limiter, so a preflight is never counted and a 429 still carries the CORS headers a browser
    /// needs to read it. Call it once, before <see cref="MapDirectLine"/> and <see cref="MapDirectLineTokenEndpoint"/>
    /// (after <c>UseRouting</c> if the app calls that itself), and do not add these middleware a second time.
    /// </summary>
    public static IApplicationBuilder UseDirectLine(this IApplicationBuilder app)
    {
        if (app.Properties.ContainsKey(MiddlewareKey))
        {
            return app;
        }

        app.Properties[MiddlewareKey] = true;
        app.UseWebSockets();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps Direct Line 3.0 under <paramref name="prefix"/> (e.g. <c>/v3/directline</c>); needs <see cref="UseDirectLine"/> first.</summary>
    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder endpoints, string prefix)
    {
        RequireMiddleware(endpoints, nameof(MapDirectLine));
        endpoints.ServiceProvider.GetRequiredService<DirectLineMount>().Prefix = prefix.TrimEnd('/');

        var group = endpoints.MapGroup(prefix)
            .RequireCors(DirectLineServiceExtensions.CorsPolicy)
            .RequireRateLimiting(DirectLineRateLimits.DirectLinePolicy)
            .AddEndpointFilter<DirectLineStoreUnavailableFilter>();
        group.MapPost("/tokens/generate", DirectLineTokenHandlers.GenerateAsync);
        group.MapPost("/tokens/refresh", DirectLineTokenHandlers.RefreshAsync);
        group.MapPost("/conversations", DirectLineConversationHandlers.StartAsync);
        group.MapGet("/conversations/{conversationId}", DirectLineConversationHandlers.ReconnectAsync);
        group.MapGet("/conversations/{conversationId}/activities", DirectLineConversationHandlers.GetActivitiesAsync);
        group.MapPost("/conversations/{conversationId}/activities", DirectLineConversationHandlers.PostActivityAsync);
        group.MapPost("/conversations/{conversationId}/upload", DirectLineConversationHandlers.UploadAsync);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStreamHandler.StreamAsync);
        return group;
    }

    /// <summary>Maps <c>POST</c> <paramref name="path"/>, which gives the page a Direct Line token (ours, or Azure's in Azure mode); needs <see cref="UseDirectLine"/> first.</summary>
    public static RouteHandlerBuilder MapDirectLineTokenEndpoint(this IEndpointRouteBuilder endpoints, string path)
    {
        RequireMiddleware(endpoints, nameof(MapDirectLineTokenEndpoint));
        return endpoints.MapPost(path, DirectLineTokenEndpoint.IssueAsync)
            .RequireCors(DirectLineServiceExtensions.CorsPolicy)
            .RequireRateLimiting(DirectLineRateLimits.TokenEndpointPolicy);
    }

    // Without the middleware nothing fails loudly: the stream URL answers 400, clinic sites get no CORS headers and
    // no request is ever limited. So a forgotten UseDirectLine stops start-up instead.
    private static void RequireMiddleware(IEndpointRouteBuilder endpoints, string method)
    {
        // An app builder made from the route builder sees the properties UseDirectLine set on the app.
        if (!endpoints.CreateApplicationBuilder().Properties.ContainsKey(MiddlewareKey))
        {
            throw new InvalidOperationException(
                $"{method} needs the Direct Line middleware (WebSockets, CORS, rate limits): call app.UseDirectLine() before app.{method}(...).");
        }
    }
}
