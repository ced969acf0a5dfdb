using System.Text.Json;
using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Tests.Teams;

/// <summary>Teams-shaped inbound activities, as Microsoft documents them (ids made up).</summary>
internal static class TeamsActivities
{
    public const string BotId = "28:3f2a9c71-8d4e-4b6a-a1c2-5e7f9d0b1c23";
    public const string TenantId = "9c3e5a10-2b7d-4c1e-8f0a-6d5b4c3a2e10";
    public const string ChannelConversation = "19:7e1d0c2b9a8f4e3d@thread.tacv2";

    public static Activity ChannelMessage(string text, string entitiesJson, string conversationId = ChannelConversation + ";messageid=1741101002345") =>
        Parse($$"""
        {
          "type": "message", "id": "1741101002345", "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "from": { "id": "29:1Qf8Zb0c-ExampleUserId", "name": "Dana Lee" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{{TenantId}}", "id": {{JsonSerializer.Serialize(conversationId)}} },
          "recipient": { "id": "{{BotId}}", "name": "Clinic FAQ" },
          "text": {{JsonSerializer.Serialize(text)}},
          "entities": {{entitiesJson}},
          "channelData": {
            "tenant": { "id": "{{TenantId}}" },
            "team": { "id": "{{ChannelConversation}}", "name": "Front desk" },
            "channel": { "id": "{{ChannelConversation}}", "name": "General" }
          }
        }
        """);

    public static string BotMention(string text = "<at>Clinic FAQ</at>") =>
        $$"""{ "type": "mention", "text": {{JsonSerializer.Serialize(text)}}, "mentioned": { "id": "{{BotId}}", "name": "Clinic FAQ" } }""";

    public static string PersonMention(string name) =>
        $$"""{ "type": "mention", "text": "<at>{{name}}</at>", "mentioned": { "id": "29:{{name.Replace(" ", "")}}", "name": "{{name}}" } }""";

    public const string ClientInfo = """{ "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web" }""";

    public static Activity Parse(string json) =>
        JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options) ?? throw new InvalidOperationException("null activity");
}
