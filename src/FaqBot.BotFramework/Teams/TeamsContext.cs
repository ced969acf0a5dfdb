using System.Text.Json;
using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Teams;

/// <summary>The Teams-specific facts of an inbound activity, read from <c>conversation</c> and <c>channelData</c>.</summary>
/// <param name="TenantId">The Entra tenant of the conversation; an allow-list of clinic tenants can check it.</param>
public sealed record TeamsContext(
    TeamsConversationType ConversationType,
    string? TenantId,
    string? TeamId,
    string? TeamName,
    string? ChannelId,
    string? ChannelName)
{
    public const string ChannelIdValue = "msteams";

    public bool IsPersonal => ConversationType == TeamsConversationType.Personal;

    /// <summary>True when the activity came through the Teams channel.</summary>
    public static bool IsTeams(Activity activity) =>
        string.Equals(activity.ChannelId, ChannelIdValue, StringComparison.Ordinal);

    /// <summary>The context of a Teams activity, or null for any other channel.</summary>
    public static TeamsContext? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!IsTeams(activity))
        {
            return null;
        }

        var data = activity.ChannelData is { ValueKind: JsonValueKind.Object } element ? element : (JsonElement?)null;
        var team = Child(data, "team");
        var channel = Child(data, "channel");
        return new TeamsContext(
            TypeOf(activity.Conversation, channel),
            Text(Child(data, "tenant"), "id") ?? activity.Conversation?.TenantId,
            Text(team, "id"),
            Text(team, "name"),
            Text(channel, "id"),
            Text(channel, "name"));
    }

    private static TeamsConversationType TypeOf(ConversationAccount? conversation, JsonElement? channel)
    {
        switch (conversation?.ConversationType?.ToLowerInvariant())
        {
            case "personal":
                return TeamsConversationType.Personal;
            case "groupchat":
                return TeamsConversationType.GroupChat;
            case "channel":
                return TeamsConversationType.Channel;
        }

        // Older payloads omit conversationType: a channel object means team scope, isGroup a group chat.
        if (channel is not null)
        {
            return TeamsConversationType.Channel;
        }

        return conversation?.IsGroup == true ? TeamsConversationType.GroupChat : TeamsConversationType.Personal;
    }

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { } element && element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : null;

    private static string? Text(JsonElement? parent, string name) =>
        parent is { } element && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
