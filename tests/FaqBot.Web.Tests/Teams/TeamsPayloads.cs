using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Web.Tests.Teams;

/// <summary>
/// Inbound activities shaped like the ones Teams sends (Microsoft's conversation-messages and
/// channel-and-group-conversations pages; ids made up in Teams' formats).
/// </summary>
internal sealed class TeamsPayloads(string serviceUrl)
{
    public const string BotId = "28:3f2a9c71-8d4e-4b6a-a1c2-5e7f9d0b1c23";
    public const string BotName = "FaqBot";
    public const string TenantId = "9c3e5a10-2b7d-4c1e-8f0a-6d5b4c3a2e10";
    public const string UserId = "29:1Qf8Zb0c-ExampleUserId-xY_z";
    public const string TeamId = "19:7e1d0c2b9a8f4e3d@thread.tacv2";

    public static string PersonalConversation(string suffix) => $"a:1Xy2Zq-personal-{suffix}";

    public static string ChannelThread(string rootId) => $"{TeamId};messageid={rootId}";

    public JsonObject PersonalMessage(string conversationId, string id, string? text, JsonNode? value = null) =>
        Activity("message", id, Conversation(conversationId, "personal"), text, value: value);

    public JsonObject ChannelMessage(string threadRootId, string id, string question) =>
        Activity("message", id, Conversation(ChannelThread(threadRootId), "channel"), $"<at>{BotName}</at> {question}",
            entities: [Mention(BotId, BotName)], channelData: TeamChannelData());

    public JsonObject GroupChatMessage(string conversationId, string id, string text, params JsonObject[] mentions) =>
        Activity("message", id, Conversation(conversationId, "groupChat"), text, entities: mentions);

    public JsonObject FeedbackInvoke(string conversationId, string id, string ratedMessageId, string reaction, string feedbackText)
    {
        var activity = Activity("invoke", id, Conversation(conversationId, "personal"), text: null, value: new JsonObject
        {
            ["actionName"] = "feedback",
            // Teams sends the typed feedback as a JSON string inside the JSON.
            ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = JsonSerializer.Serialize(new { feedbackText }) },
        });
        activity["name"] = "message/submitAction";
        activity["replyToId"] = ratedMessageId;
        return activity;
    }

    public JsonObject InstallationUpdate(string conversationId, string conversationType, string action)
    {
        var activity = Activity("installationUpdate", $"f:{Guid.NewGuid():N}", Conversation(conversationId, conversationType), text: null,
            channelData: conversationType == "channel" ? TeamChannelData() : null);
        activity["action"] = action;
        return activity;
    }

    public JsonObject MemberJoinedTeam(string memberId)
    {
        var activity = Activity("conversationUpdate", $"f:{Guid.NewGuid():N}", Conversation(TeamId, "channel"), text: null, channelData: TeamChannelData());
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = memberId, ["aadObjectId"] = Guid.NewGuid().ToString() });
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        return activity;
    }

    public static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };

    private JsonObject Activity(string type, string id, JsonObject conversation, string? text,
        JsonObject[]? entities = null, JsonObject? channelData = null, JsonNode? value = null)
    {
        var entityArray = new JsonArray([.. entities ?? []]);
        entityArray.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "America/New_York" });
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = "2025-03-04T15:10:02.3451234Z",
            ["localTimestamp"] = "2025-03-04T10:10:02.3451234-05:00",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Dana Lee", ["aadObjectId"] = "0d6b2f6e-5a1c-4f0b-9a57-3e2c8d1b7a44" },
            ["conversation"] = conversation,
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["entities"] = entityArray,
            ["channelData"] = channelData ?? new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "en-US",
        };
        if (text is not null)
        {
            activity["textFormat"] = "plain";
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    private static JsonObject Conversation(string id, string conversationType)
    {
        var conversation = new JsonObject { ["conversationType"] = conversationType, ["tenantId"] = TenantId, ["id"] = id };
        if (conversationType != "personal")
        {
            conversation["isGroup"] = true;
        }

        return conversation;
    }

    private static JsonObject TeamChannelData() => new()
    {
        ["tenant"] = new JsonObject { ["id"] = TenantId },
        ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Front desk" },
        ["channel"] = new JsonObject { ["id"] = TeamId, ["name"] = "General" },
    };
}
