namespace FaqBot.BotFramework.Teams;

/// <summary>Where a Teams conversation happens (<c>conversation.conversationType</c>); it decides threads and buttons.</summary>
public enum TeamsConversationType
{
    /// <summary>A one-to-one chat with the bot; the only scope where Teams shows suggested actions.</summary>
    Personal,

    /// <summary>A chat with several people; the bot hears only messages that @mention it.</summary>
    GroupChat,

    /// <summary>A team channel; every question starts or continues a thread and the answer belongs in it.</summary>
    Channel,
}
