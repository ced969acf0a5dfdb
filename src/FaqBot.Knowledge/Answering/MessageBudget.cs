namespace FaqBot.Knowledge.Answering;

/// <summary>
/// The cost budget per message: the decision (urgent rules, the semantic net, personal advice, search) reads at most
/// <see cref="MaxChars"/> characters of a message, so a maximum-size body costs about what a long question costs
/// (docs/performance.md, "Cost per message"). A longer message is read as its first <see cref="HeadChars"/> and its last
/// <see cref="TailChars"/> characters: what a patient most needs to say comes first or last, and no real question is
/// this long (8,000 characters is over 1,000 words). Each part caps further on its own (search reads 2,000 characters,
/// the embedder the model's 128 tokens).
/// </summary>
public static class MessageBudget
{
    public const int MaxChars = 8_000;
    public const int HeadChars = 6_000;
    public const int TailChars = MaxChars - HeadChars;

    public static string Bounded(string text)
    {
        if (text.Length <= MaxChars)
        {
            return text;
        }

        // Never split a surrogate pair: the head ends before a high surrogate, the tail starts after a low one.
        var headEnd = char.IsHighSurrogate(text[HeadChars - 1]) ? HeadChars - 1 : HeadChars;
        var tailStart = text.Length - TailChars;
        if (char.IsLowSurrogate(text[tailStart]))
        {
            tailStart++;
        }
        // A space between them, so the last word of the head and the first of the tail do not run together.
        return string.Concat(text.AsSpan(0, headEnd), " ", text.AsSpan(tailStart));
    }
}
