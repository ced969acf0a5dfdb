using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>Random ids for conversations and anonymous users, URL-safe so they fit in paths without escaping.</summary>
public static class DirectLineIds
{
    public static string NewConversationId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    // The dl_ prefix marks an id that came from the token, as Azure's enhanced authentication does; 128 bits of randomness.
    public static string NewUserId() => "dl_" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    /// <summary>Activity ids follow Azure's <c>{conversationId}|0000007</c> shape.</summary>
    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";
}
