using System.Text.Json;
using FaqBot.BotFramework.Activities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FaqBot.BotFramework.Hosting;

/// <summary>A body in the wire's JSON, sent with its Content-Length.</summary>
/// <remarks>
/// Replies are a few kilobytes (a passage, its card and buttons): serialised in one piece they go out in one write,
/// where streaming them (what <c>TypedResults.Json</c> does when the request can be aborted) costs a chunked body and
/// an await per buffer.
/// </remarks>
public sealed class WireJsonResult(object? value, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public int? StatusCode => statusCode;

    public object? Value => value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object), ProtocolJson.Options);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
