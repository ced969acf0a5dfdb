namespace FaqBot.BotFramework.Auth;

/// <summary>Gets the bot's own access token for calls to the Bot Connector; implementations cache it until shortly before expiry.</summary>
public interface IBotTokenProvider
{
    Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
