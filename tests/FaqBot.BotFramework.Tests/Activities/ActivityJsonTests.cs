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
}
