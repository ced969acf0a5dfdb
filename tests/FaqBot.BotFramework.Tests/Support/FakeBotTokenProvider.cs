using FaqBot.BotFramework.Auth;

namespace FaqBot.BotFramework.Tests.Support;

/// <summary>Stands in for MSAL so tests can see exactly where the bot's token travels.</summary>
public sealed class FakeBotTokenProvider : IBotTokenProvider
{
    public const string Token = "fake-bot-token";
    private int requests;

    public int Requests => Volatile.Read(ref requests);

    public Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        return Task.FromResult(Token);
    }
}
