using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Teams;

/// <summary>Turns Teams message text with <c>&lt;at&gt;</c> mentions into what the user meant to say to the bot.</summary>
public static partial class TeamsMentions
{
    /// <summary>
    /// The text without the mention of the activity's recipient (the bot), other mentions kept as plain names,
    /// whitespace collapsed. Identity comes from the mention entities and <c>recipient.id</c>, never from the text,
    /// because a user can type anything between tags.
    /// </summary>
    public static string? RemoveRecipientMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Text is null)
        {
            return null;
        }

        var text = activity.Text;
        var botId = activity.Recipient?.Id;
        var botMentions = string.IsNullOrEmpty(botId) ? [] : MentionTextsOf(activity, botId).ToList();
        if (botMentions.Count == 0 && !text.Contains("<at", StringComparison.OrdinalIgnoreCase))
        {
            // Nothing Teams-shaped here: leave other channels' text exactly as the user wrote it.
            return text;
        }

        foreach (var mentionText in botMentions)
        {
            text = ReplaceIgnoreCase(text, mentionText, " ");
        }

        // Other people's mentions stay as the name the user saw; a stray tag of the bot without an entity too.
        text = AtTag().Replace(text, match => match.Groups["name"].Value);
        // Some Teams clients put a non-breaking space (as the HTML entity) between a mention and the words after it.
        text = text.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Replaces <see cref="Activity.Text"/> with <see cref="RemoveRecipientMention"/>'s result, in place.</summary>
    public static void StripRecipientMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Text = RemoveRecipientMention(activity);
    }

    private static IEnumerable<string> MentionTextsOf(Activity activity, string mentionedId)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String
                || !string.Equals(type.GetString(), "mention", StringComparison.OrdinalIgnoreCase)
                || !entity.TryGetProperty("mentioned", out var mentioned)
                || mentioned.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (!string.Equals(StringOrNull(mentioned, "id"), mentionedId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // Spec 7.3: without a text the SDK falls back to the tag Teams would have written.
            var name = StringOrNull(mentioned, "name");
            var text = StringOrNull(entity, "text") ?? (name is null ? null : $"<at>{name}</at>");
            if (!string.IsNullOrEmpty(text))
            {
                yield return text;
            }
        }
    }

    private static string? StringOrNull(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string ReplaceIgnoreCase(string text, string find, string replacement)
    {
        var builder = new StringBuilder(text.Length);
        var start = 0;
        int index;
        while ((index = text.IndexOf(find, start, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            builder.Append(text, start, index - start).Append(replacement);
            start = index + find.Length;
        }

        return builder.Append(text, start, text.Length - start).ToString();
    }

    [GeneratedRegex(@"<at(?:\s[^>]*)?>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
