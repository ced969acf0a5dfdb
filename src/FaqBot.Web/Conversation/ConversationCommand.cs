using System.Text.RegularExpressions;

namespace FaqBot.Web.Conversation;

/// <summary>The few things a patient can type that are not questions.</summary>
public enum ConversationCommand
{
    None,
    Help,
    StartOver,
    TellMeMore,
    WhereIsThisFrom,
}

internal static partial class ConversationCommands
{
    // Longer than any command with some spaces and punctuation around it: a question, not worth normalising.
    private const int MaxCommandChars = 40;

    public static ConversationCommand Parse(string text)
    {
        if (text.Length > MaxCommandChars)
        {
            return ConversationCommand.None;
        }

        var t = Spaces().Replace(Punctuation().Replace(text.ToLowerInvariant().Replace('\u2019', '\''), " "), " ").Trim();
        return t switch
        {
            "help" or "menu" or "what can you do" or "what can i ask" or "commands" => ConversationCommand.Help,
            "start over" or "restart" or "reset" or "start again" or "new question" => ConversationCommand.StartOver,
            "tell me more" or "more" or "more please" or "go on" or "continue" or "and" or "what else" => ConversationCommand.TellMeMore,
            "where is this from" or "where is that from" or "where's this from" or "where's that from" or "source"
                or "sources" or "citation" or "what is the source" or "what's the source" => ConversationCommand.WhereIsThisFrom,
            _ => ConversationCommand.None,
        };
    }

    [GeneratedRegex(@"[^\p{L}\p{N}' ]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
