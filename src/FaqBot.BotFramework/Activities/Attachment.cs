using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.Activities;

[JsonConverter(typeof(AttachmentConverter))]
public sealed class Attachment
{
    private JsonNode? _content;
    private ReadOnlyMemory<byte> _contentJson;

    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }

    /// <summary>The card or other content. Content given as <see cref="ContentJson"/> becomes a node the first time it
    /// is read here, so code that edits a card always gets one of its own.</summary>
    public JsonNode? Content
    {
        get
        {
            if (_content is null && !_contentJson.IsEmpty)
            {
                _content = JsonNode.Parse(_contentJson.Span);
                _contentJson = default;
            }

            return _content;
        }
        set => (_content, _contentJson) = (value, default);
    }

    /// <summary>Content already serialised as JSON (a card the bot built before), written to the wire as it is.</summary>
    public ReadOnlyMemory<byte> ContentJson
    {
        get => _contentJson;
        set => (_content, _contentJson) = (null, value);
    }

    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
}
