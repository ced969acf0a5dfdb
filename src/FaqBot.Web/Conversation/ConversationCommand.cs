using System.Text;

namespace FaqBot.Web.Conversation;

/// <summary>The few things a patient can type that are not questions (in English, and in Spanish as knowledge/texts/es.yaml words its buttons).</summary>
public enum ConversationCommand
{
    None,
    Help,
    StartOver,
    TellMeMore,
    WhereIsThisFrom,
}

internal static class ConversationCommands
{
    // Longer than any command with some spaces and punctuation around it: a question, not worth normalising.
    private const int MaxCommandChars = 40;

    public static ConversationCommand Parse(string text)
    {
        if (text.Length > MaxCommandChars)
        {
            return ConversationCommand.None;
        }

        var t = Normalise(text);
        return t switch
        {
            "help" or "menu" or "what can you do" or "what can i ask" or "commands"
                or "ayuda" => ConversationCommand.Help,
            "start over" or "restart" or "reset" or "start again" or "new question"
                or "empezar de nuevo" or "reiniciar" => ConversationCommand.StartOver,
            "tell me more" or "more" or "more please" or "go on" or "continue" or "and" or "what else"
                or "cuénteme más" or "cuéntame más" or "cuenteme mas" or "cuentame mas" or "más" or "mas" => ConversationCommand.TellMeMore,
            "where is this from" or "where is that from" or "where's this from" or "where's that from" or "source"
                or "sources" or "citation" or "what is the source" or "what's the source"
                or "de dónde viene esto" or "de donde viene esto" or "fuente" => ConversationCommand.WhereIsThisFrom,
            _ => ConversationCommand.None,
        };
    }

    // Lower case; letters, digits and apostrophes kept (a curly one made straight); every other run of characters one
    // space; no space at either end. One pass by hand: every short message comes through here.
    private static string Normalise(string text)
    {
        var normalised = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsLetter(c) || char.IsNumber(c) || c is '\'' or '\u2019')
            {
                if (pendingSpace && normalised.Length > 0)
                {
                    normalised.Append(' ');
                }

                pendingSpace = false;
                normalised.Append(c == '\u2019' ? '\'' : char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return normalised.ToString();
    }
}
