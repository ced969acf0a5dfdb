using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Web.Tests.Conversation;

/// <summary>One user talking to the real bot over POST /api/messages with deliveryMode expectReplies: send, get the replies.</summary>
internal sealed class BotChat(HttpClient http, string channelId = "webchat")
{
    public string ConversationId { get; } = "conv-" + Guid.NewGuid().ToString("N");

    public string UserId { get; } = "user-" + Guid.NewGuid().ToString("N")[..8];

    public Task<IReadOnlyList<JsonElement>> SayAsync(string text) => SendAsync(new JsonObject { ["type"] = "message", ["text"] = text });

    /// <summary>What Web Chat posts when an Action.Submit button with object data is pressed: a message with value, no text.</summary>
    public Task<IReadOnlyList<JsonElement>> PressAsync(JsonElement data) =>
        SendAsync(new JsonObject { ["type"] = "message", ["value"] = JsonNode.Parse(data.GetRawText()) });

    public Task<IReadOnlyList<JsonElement>> JoinAsync(string memberId) => SendAsync(new JsonObject
    {
        ["type"] = "conversationUpdate",
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = memberId, ["name"] = "someone" }),
    });

    public async Task<IReadOnlyList<JsonElement>> SendAsync(JsonObject activity)
    {
        activity["id"] ??= Guid.NewGuid().ToString("N");
        activity["channelId"] = channelId;
        activity["serviceUrl"] = "http://127.0.0.1:9/";
        activity["from"] ??= new JsonObject { ["id"] = UserId, ["name"] = "Pat" };
        activity["recipient"] ??= new JsonObject { ["id"] = Bot, ["name"] = "FaqBot" };
        activity["conversation"] ??= new JsonObject { ["id"] = ConversationId };
        activity["deliveryMode"] = "expectReplies";

        using var response = await http.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    public const string Bot = "faqbot-test";
}
