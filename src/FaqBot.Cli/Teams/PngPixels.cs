using System.Buffers.Binary;
using System.IO.Compression;

namespace FaqBot.Cli.Teams;

/// <summary>
/// Decodes the pixels of the PNGs icon tools usually write (8-bit grey+alpha or RGBA, not interlaced), enough to
/// check that an outline icon is white on transparency. Other layouts return null and are not judged.
/// </summary>
internal static class PngPixels
{
    /// <summary>RGBA bytes, 4 per pixel, row by row; null when the layout is not one this reader handles.</summary>
    public static byte[]? ReadRgba(byte[] png)
    {
        var info = PngInfo.Read(png);
        if (info is null || info.BitDepth != 8 || info.ColorType is not (4 or 6) || png.Length < 33 || png[28] != 0)
        {
            return null;
        }

        var channels = info.ColorType == 6 ? 4 : 2;
        var stride = info.Width * channels;
        var raw = Inflate(png, (long)info.Height * (stride + 1));
        if (raw is null)
        {
            return null;
        }

        var pixels = new byte[stride * info.Height];
        for (var y = 0; y < info.Height; y++)
        {
            Unfilter(raw[y * (stride + 1)], raw.AsSpan(y * (stride + 1) + 1, stride), y == 0 ? null : pixels.AsSpan((y - 1) * stride, stride), channels);
            raw.AsSpan(y * (stride + 1) + 1, stride).CopyTo(pixels.AsSpan(y * stride));
        }

        return channels == 4 ? pixels : GreyToRgba(pixels);
    }

    private static byte[]? Inflate(byte[] png, long expected)
    {
        using var idat = new MemoryStream();
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (length < 0 || at + 12 + length > png.Length)
            {
                return null;
            }

            if (png.AsSpan(at + 4, 4).SequenceEqual("IDAT"u8))
            {
                idat.Write(png, at + 8, length);
            }

            at += 12 + length;
        }

        idat.Position = 0;
        try
        {
            using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
            using var raw = new MemoryStream();
            inflater.CopyTo(raw);
            return raw.Length == expected ? raw.ToArray() : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // PNG filter types 0-4 (ISO/IEC 15948 section 9), undone in place against the previous, already decoded row.
    private static void Unfilter(byte filter, Span<byte> row, Span<byte> previous, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0;
            int up = previous.IsEmpty ? 0 : previous[i];
            int upLeft = i >= bpp && !previous.IsEmpty ? previous[i - bpp] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => 0,
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] GreyToRgba(byte[] greyAlpha)
    {
        var rgba = new byte[greyAlpha.Length * 2];
        for (int i = 0, j = 0; i < greyAlpha.Length; i += 2, j += 4)
        {
            rgba[j] = rgba[j + 1] = rgba[j + 2] = greyAlpha[i];
            rgba[j + 3] = greyAlpha[i + 1];
        }

        return rgba;
    }
}
