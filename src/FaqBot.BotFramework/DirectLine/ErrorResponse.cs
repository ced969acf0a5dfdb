using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The Direct Line error body; clients rely on the stable <c>code</c>, never on the message.</summary>
public sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorResponse.Detail Error)
{
    public ErrorResponse(string code, string message) : this(new Detail(code, message)) { }

    public sealed record Detail(
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("message")] string Message);
}
