using System.Buffers;
using System.Text.Json;
using FaqBot.BotFramework.Activities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Reads and checks the activity in an inbound POST; every rejection is a problem+json result and nothing else happens.</summary>
internal static class ActivityRequest
{
    public static async Task<(Activity? Activity, ProblemHttpResult? Problem)> ReadAsync(HttpContext context, int maxBodyBytes)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the activity as application/json."));
        }

        // Read through the request's pipe and parse in place: no copy of the body, and no more than the limit is buffered.
        if (context.Request.ContentLength > maxBodyBytes)
        {
            return (null, TooLarge(maxBodyBytes));
        }

        var pipe = context.Request.BodyReader;
        Activity? activity;
        while (true)
        {
            var read = await pipe.ReadAsync(context.RequestAborted);
            if (read.Buffer.Length > maxBodyBytes)
            {
                pipe.AdvanceTo(read.Buffer.End);
                return (null, TooLarge(maxBodyBytes));
            }
            if (read.IsCompleted)
            {
                var parsed = Parse(read.Buffer, out activity);
                pipe.AdvanceTo(read.Buffer.End);
                if (parsed is not null)
                {
                    return (null, parsed);
                }
                break;
            }
            pipe.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var problem = activity switch
        {
            null => "The body must be a JSON object.",
            { Type: null or "" } => "The activity has no 'type'.",
            { Conversation.Id: null or "" } or { Conversation: null } => "The activity has no 'conversation.id'.",
            _ when ActivityShape.NullEntry(activity) is { } field => $"The activity's '{field}' holds null.",
            _ when !IsHttpUrl(activity.ServiceUrl) => "The activity's 'serviceUrl' must be an absolute http(s) URL.",
            _ => null,
        };
        return problem is null ? (activity, null) : (null, BadRequest(problem));
    }

    private static ProblemHttpResult? Parse(ReadOnlySequence<byte> body, out Activity? activity)
    {
        if (JsonTextCheck.Problem(body) is { } broken)
        {
            activity = null;
            return BadRequest(broken);
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            activity = JsonSerializer.Deserialize<Activity>(ref reader, ProtocolJson.Options);
            // One JSON value and nothing after it: Read throws on trailing content, as parsing a whole string would.
            reader.Read();
            return null;
        }
        catch (JsonException ex)
        {
            activity = null;
            // The position helps the sender find the mistake; the body itself is never echoed or logged.
            return BadRequest($"The body is not a valid activity (JSON error at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
    }

    private static ProblemHttpResult TooLarge(int maxBodyBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"The body exceeds {maxBodyBytes} bytes.");

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static ProblemHttpResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Invalid activity", detail);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
