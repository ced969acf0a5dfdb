using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.Activities;

/// <summary>The one set of JSON options for the wire: camelCase out, any casing in, nulls omitted (spec 2.1).</summary>
public static class ProtocolJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
