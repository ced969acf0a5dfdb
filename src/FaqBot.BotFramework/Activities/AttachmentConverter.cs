using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.Activities;

// Written by hand for one reason: content that arrives pre-serialised (ContentJson) goes out as raw JSON, without
// being parsed into nodes and written again token by token. Nulls are left out, as everywhere on the wire.
internal sealed class AttachmentConverter : JsonConverter<Attachment>
{
    public override Attachment Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An attachment must be a JSON object.");
        }

        var attachment = new Attachment();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            switch (name.ToLowerInvariant())
            {
                case "contenttype": attachment.ContentType = reader.GetString(); break;
                case "contenturl": attachment.ContentUrl = reader.GetString(); break;
                case "content": attachment.Content = JsonNode.Parse(ref reader); break;
                case "name": attachment.Name = reader.GetString(); break;
                case "thumbnailurl": attachment.ThumbnailUrl = reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        return attachment;
    }

    public override void Write(Utf8JsonWriter writer, Attachment value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteString(writer, "contentType", value.ContentType);
        WriteString(writer, "contentUrl", value.ContentUrl);
        if (!value.ContentJson.IsEmpty)
        {
            writer.WritePropertyName("content");
            writer.WriteRawValue(value.ContentJson.Span, skipInputValidation: true);
        }
        else if (value.Content is { } content)
        {
            writer.WritePropertyName("content");
            content.WriteTo(writer, options);
        }

        WriteString(writer, "name", value.Name);
        WriteString(writer, "thumbnailUrl", value.ThumbnailUrl);
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
