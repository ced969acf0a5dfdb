using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace FaqBot.Knowledge.Semantic;

/// <summary>
/// Query vectors of a fixed list of texts (the urgent, ordinary and not-covered examples: about 700 texts, a few
/// seconds of model time on two cores), kept in a file in the model cache folder so that a start embeds them only when
/// the list or the model changed. The file is named by a hash of the model and the texts, so it never needs checking
/// against them; a damaged or short file is embedded again and rewritten.
/// </summary>
public static class KeptQueryVectors
{
    private const string FolderName = "query-vectors";
    private static readonly byte[] Magic = "FQV1"u8.ToArray();

    // A file not used for this long belongs to an example list that was since edited; it goes when a new one is written.
    private static readonly TimeSpan Unused = TimeSpan.FromDays(30);

    public static float[][] Embed(SentenceEmbedder embedder, IReadOnlyList<string> texts) =>
        Embed(embedder, texts, Path.Combine(Path.GetDirectoryName(embedder.ModelFile)!, FolderName));

    /// <param name="folder">Where the files are kept (the tests' own folder; else beside the model).</param>
    public static float[][] Embed(SentenceEmbedder embedder, IReadOnlyList<string> texts, string folder)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var path = Path.Combine(folder, Name(Path.GetFileName(embedder.ModelFile), texts) + ".bin");
        if (TryRead(path, texts.Count) is { } kept)
        {
            return kept;
        }

        var vectors = embedder.EmbedQueries(texts);
        TryWrite(folder, path, vectors);
        return vectors;
    }

    private static string Name(string model, IReadOnlyList<string> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(model + "\0" + SentenceEmbedder.QueryPrefix + "\0"));
        foreach (var text in texts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..32].ToLowerInvariant();
    }

    private static float[][]? TryRead(string path, int count)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var rowBytes = SentenceEmbedder.Dimensions * sizeof(float);
            if (bytes.Length != Magic.Length + sizeof(int) + (count * rowBytes) || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
                || BitConverter.ToInt32(bytes, Magic.Length) != count)
            {
                return null;
            }

            var vectors = new float[count][];
            for (var i = 0; i < count; i++)
            {
                vectors[i] = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(Magic.Length + sizeof(int) + (i * rowBytes), rowBytes)).ToArray();
            }

            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return vectors;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Best effort: a folder that cannot be written means embedding at every start, as before, not a failed start.
    private static void TryWrite(string folder, string path, float[][] vectors)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{RandomNumberGenerator.GetHexString(8)}.tmp";
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = File.Create(temporary))
            {
                file.Write(Magic);
                file.Write(BitConverter.GetBytes(vectors.Length));
                foreach (var vector in vectors)
                {
                    file.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
                }
            }

            // Two processes may write at once; the rename makes either file whole or absent, never half.
            File.Move(temporary, path, overwrite: true);
            foreach (var old in Directory.EnumerateFiles(folder, "*.bin"))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(old) > Unused)
                {
                    File.Delete(old);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
