using System.Buffers.Binary;

namespace FaqBot.Cli.Teams;

/// <summary>The facts of a PNG file that Teams checks, read from its signature and IHDR chunk.</summary>
internal sealed record PngInfo(int Width, int Height, int BitDepth, int ColorType)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // PNG colour types 4 (grey + alpha) and 6 (RGBA) carry an alpha channel; a tRNS chunk is not counted here.
    public bool HasAlphaChannel => ColorType is 4 or 6;

    /// <summary>Null when the bytes are not a PNG (wrong signature, or no IHDR where the format requires it first).</summary>
    public static PngInfo? Read(ReadOnlySpan<byte> bytes)
    {
        // Signature (8) + chunk length (4) + "IHDR" (4) + width, height (8) + bit depth, colour type (2).
        if (bytes.Length < 26 || !bytes[..8].SequenceEqual(Signature) || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(bytes[16..20]);
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes[20..24]);
        return new PngInfo(width, height, bytes[24], bytes[25]);
    }
}
