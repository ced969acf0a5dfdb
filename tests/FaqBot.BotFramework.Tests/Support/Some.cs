using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace FaqBot.BotFramework.Tests.Support;

/// <summary>Anonymous but realistic inbound activities, shaped like the Emulator's (protocol reference 12.1, 12.2).</summary>
public static class Some
{
    public const string ConversationId = "5f0b7e40-4b7e-11f0-9a3c-3b1f2c7d8e90|livechat";
    public const string BotId = "5f0b0910-4b7e-11f0-9a3c-3b1f2c7d8e90";
    public const string UserId = "b6d1e0c4-7a2f-4e55-9d2b-1c0f6a8e4d31";

    public static JsonObject Message(string serviceUrl, string text = "Do you treat eczema in children?", string channelId = "emulator") => new()
    {
        ["type"] = "message",
        ["id"] = "6a41c2b0-4b7e-11f0-9a3c-3b1f2c7d8e90",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = "2025-03-04T15:02:30.017Z",
        ["localTimestamp"] = "2025-03-04T10:02:30-05:00",
        ["locale"] = "en-US",
        ["conversation"] = new JsonObject { ["id"] = ConversationId },
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["channelData"] = new JsonObject { ["clientActivityID"] = "1741100550012x7hq2" },
    };

    public static JsonObject ConversationUpdate(string serviceUrl) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "5f0c1a20-4b7e-11f0-9a3c-3b1f2c7d8e90",
        ["channelId"] = "emulator",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = "2025-03-04T15:02:11.482Z",
        ["locale"] = "en-US",
        ["conversation"] = new JsonObject { ["id"] = ConversationId },
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" },
        ["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = BotId, ["name"] = "Bot" },
            new JsonObject { ["id"] = UserId, ["name"] = "User", ["role"] = "user" }),
        ["membersRemoved"] = new JsonArray(),
    };

    public static JsonObject With(this JsonObject activity, string field, JsonNode? value)
    {
        activity[field] = value;
        return activity;
    }

    public static JsonObject Without(this JsonObject activity, string field)
    {
        activity.Remove(field);
        return activity;
    }

    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient http, Uri url, JsonObject activity, string? authorization = null) =>
        http.PostRawAsync(url, activity.ToJsonString(), "application/json", authorization);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, Uri url, string body, string contentType, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return http.SendAsync(request);
    }
}
