using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.Activities;

/// <summary>The one set of JSON options for the wire: camelCase out, any casing in, nulls omitted (spec 2.1).</summary>
public static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Activities are JSON read by channels and Web Chat, never pasted into an HTML page, so the default encoder's
        // escaping of HTML-sensitive characters (every apostrophe in a passage became \u0027) bought nothing and cost
        // a slow path per string. JSON's own escaping (quotes, backslashes, control characters) still applies.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
