using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Lists of an activity that JSON lets hold null ("membersAdded": [null]) but no handler expects to.</summary>
internal static class ActivityShape
{
    /// <summary>The wire name of the first list that holds a null, or null when none does.</summary>
    public static string? NullEntry(Activity activity) =>
        activity.MembersAdded?.Contains(null!) == true ? "membersAdded"
        : activity.MembersRemoved?.Contains(null!) == true ? "membersRemoved"
        : activity.Attachments?.Contains(null!) == true ? "attachments"
        : activity.SuggestedActions?.Actions?.Contains(null!) == true ? "suggestedActions.actions"
        : null;
}
