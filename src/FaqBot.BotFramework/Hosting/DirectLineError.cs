using System.Globalization;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FaqBot.BotFramework.Hosting;

/// <summary>A Direct Line failure: its status and <c>{"error":{"code","message"}}</c>, optionally with <c>Retry-After</c>.</summary>
internal sealed class DirectLineError(int statusCode, ErrorResponse body, int? retryAfterSeconds = null)
    : IResult, IStatusCodeHttpResult, IValueHttpResult<ErrorResponse>, IValueHttpResult
{
    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    public ErrorResponse Value => body;

    object? IValueHttpResult.Value => body;

    public int? RetryAfterSeconds => retryAfterSeconds;

    /// <summary>The same error with <c>Retry-After</c>: Direct Line JS waits that long before it tries again.</summary>
    public DirectLineError WithRetryAfter(int seconds) => new(statusCode, body, seconds);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (retryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Json(body, ProtocolJson.Options, statusCode: statusCode).ExecuteAsync(httpContext);
    }
}
