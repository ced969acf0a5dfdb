using System.Security.Cryptography;
using System.Text;

namespace FaqBot.Knowledge.Feedback;

/// <summary>Keyed hashes (HMAC-SHA256) that stand in for user and conversation ids, so none is stored in clear.</summary>
public sealed class IdHasher
{
    private readonly byte[] _key;

    /// <param name="key">The secret; empty gives a random key that lives as long as this object.</param>
    public IdHasher(string? key)
    {
        _key = string.IsNullOrEmpty(key) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(key);
    }

    public string Hash(string? id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id ?? "")))[..32];
}
