namespace FaqBot.BotFramework.DirectLine;

/// <summary>A freshly signed token and its lifetime in whole seconds (the <c>expires_in</c> clients see).</summary>
public sealed record IssuedToken(string Token, int ExpiresIn);
