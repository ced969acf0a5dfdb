using System.Buffers.Binary;
using System.IO.Compression;

namespace FaqBot.Cli.Tests.Teams;

/// <summary>Writes small valid PNG files (one flat colour) for icon checks, and reads a PNG's size back.</summary>
internal static class TestPng
{
    /// <summary>A PNG of <paramref name="pixel"/> (default: opaque grey), each row stored with PNG filter <paramref name="filter"/>.</summary>
    public static byte[] Create(int width, int height, bool withAlpha, Func<int, int, (byte R, byte G, byte B, byte A)>? pixel = null, byte filter = 0)
    {
        pixel ??= (_, _) => (200, 200, 200, 255);
        var channels = withAlpha ? 4 : 3;
        var stride = width * channels;
        var raw = new byte[height * (1 + stride)];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var row = new byte[stride];
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                byte[] values = withAlpha ? [r, g, b, a] : [r, g, b];
                values.CopyTo(row, x * channels);
            }

            raw[y * (1 + stride)] = filter;
            Filter(filter, row, previous, channels).CopyTo(raw, y * (1 + stride) + 1);
            previous = row;
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)(withAlpha ? 6 : 2);
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    // The encoder side of PNG's five filter types (ISO/IEC 15948 section 9).
    private static byte[] Filter(byte filter, byte[] row, byte[] previous, int bpp)
    {
        var filtered = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0;
            int up = previous[i];
            int upLeft = i >= bpp ? previous[i - bpp] : 0;
            var predictor = filter switch
            {
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => 0,
            };
            filtered[i] = (byte)(row[i] - predictor);
        }

        return filtered;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    public static (int Width, int Height, int ColorType) ReadHeader(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[25]);

    // PNG's CRC-32 (ISO 3309), bit by bit: these files are tiny, and System.IO.Hashing is not in the framework.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static void Chunk(Stream png, string kind, byte[] data)
    {
        var typeAndData = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(kind, typeAndData);
        data.CopyTo(typeAndData, 4);
        var buffer = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        png.Write(buffer);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32(typeAndData));
        png.Write(buffer);
    }
}
