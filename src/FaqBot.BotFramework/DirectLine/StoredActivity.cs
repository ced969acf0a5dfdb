using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>
/// An activity as the history keeps it: its UTF-8 JSON and nothing else, written out as is. A parsed JsonElement would
/// keep the same bytes plus a metadata row per token (often as much again), which is what made the history hold about
/// twice what it counted.
/// </summary>
[JsonConverter(typeof(StoredActivityConverter))]
public sealed class StoredActivity(byte[] utf8)
{
    // A linked-list node holding (sequence, this), this object and the array header: about 104 bytes on a 64-bit
    // runtime, rounded up. DirectLineHistoryMemoryTests checks the total against the managed heap.
    public const int Overhead = 128;

    public ReadOnlyMemory<byte> Utf8 => utf8;

    /// <summary>What keeping this activity costs in memory: the bytes and the objects around them.</summary>
    public int HeldBytes => utf8.Length + Overhead;

    private sealed class StoredActivityConverter : JsonConverter<StoredActivity>
    {
        public override StoredActivity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new StoredActivity(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
        }

        // The bytes were written by the serializer when the activity was stored, so they are valid JSON.
        public override void Write(Utf8JsonWriter writer, StoredActivity value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
