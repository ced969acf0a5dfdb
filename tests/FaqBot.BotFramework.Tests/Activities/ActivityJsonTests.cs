using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Tests.Activities;

public sealed class ActivityJsonTests
{
    [Fact]
    public void ActivityRoundTripsWithUnknownFieldsKeptCamelCaseOutAndNoNulls()
    {
        const string inbound = """
            {"TYPE":"message","Id":"1","conversation":{"id":"c","teamsThing":7},"text":"hi","futureField":{"a":[1,2]},"locale":null}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(inbound, ProtocolJson.Options)!;
        var outbound = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!.AsObject();

        Assert.Equal(["type", "id", "conversation", "text", "futureField"], outbound.Select(p => p.Key));
        Assert.Equal(7, (int?)outbound["conversation"]!["teamsThing"]);
        Assert.Equal(2, (int?)outbound["futureField"]!["a"]![1]);
    }

    [Fact]
    public void AttachmentsRoundTripWithAnyCasingInCamelCaseOutAndNoNulls()
    {
        const string inbound = """
            {"type":"message","attachments":[{"ContentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","body":[]},"name":null,"thumbnailUrl":"https://x/t.png","extra":1}]}
            """;

        var activity = JsonSerializer.Deserialize<Activity>(inbound, ProtocolJson.Options)!;
        var attachment = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!["attachments"]![0]!.AsObject();

        Assert.Equal(["contentType", "content", "thumbnailUrl"], attachment.Select(p => p.Key));
        Assert.Equal("AdaptiveCard", (string?)attachment["content"]!["type"]);
    }

    [Fact]
    public void ContentGivenAsJsonGoesOutAsItIsAndBecomesAnEditableNodeWhenRead()
    {
        var card = """{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"It\u0027s \"quoted\""}]}"""u8.ToArray();
        var sent = new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", ContentJson = card };

        var wire = JsonSerializer.Serialize(sent, ProtocolJson.Options);
        Assert.Contains("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"It\u0027s \"quoted\""}]}""", wire);

        // Someone edits the card (Teams moves buttons onto it): the edit is what goes out.
        var edited = new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", ContentJson = card };
        edited.Content!["actions"] = new JsonArray();
        var afterEdit = JsonNode.Parse(JsonSerializer.Serialize(edited, ProtocolJson.Options))!;
        Assert.NotNull(afterEdit["content"]!["actions"]);
        Assert.Equal("It's \"quoted\"", (string?)afterEdit["content"]!["body"]![0]!["text"]);
    }
}
