namespace FaqBot.BotFramework.Auth;

/// <summary>Signing key id → the channel ids the key may sign for.</summary>
public sealed class EndorsementTable(IReadOnlyDictionary<string, string[]> endorsements)
{
    // channelId is compared ordinally (activity spec A2021).
    public bool Endorses(string keyId, string channelId) =>
        endorsements.TryGetValue(keyId, out var channels) && channels.Contains(channelId, StringComparer.Ordinal);
}
