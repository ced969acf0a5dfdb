using System.Buffers.Binary;
using System.IO.Compression;

namespace FaqBot.Cli.Tests.Teams;

/// <summary>Writes small valid PNG files (one flat colour) for icon checks, and reads a PNG's size back.</summary>
internal static class TestPng
{
    public static byte[] Create(int width, int height, bool withAlpha)
    {
        var channels = withAlpha ? 4 : 3;
        var raw = new byte[height * (1 + width * channels)];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = i % (1 + width * channels) == 0 ? (byte)0 : (byte)200;
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
