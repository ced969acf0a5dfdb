using System.Text.Json.Nodes;

namespace FaqBot.Web.Conversation;

/// <summary>A button the patient can press: as a suggested action it sends <paramref name="Text"/>, as a card button <paramref name="Value"/>.</summary>
/// <param name="Value">The card submit data; null means "send the text as if typed".</param>
public sealed record Choice(string Title, string Text, JsonObject? Value = null);
