using Microsoft.AspNetCore.Http;

namespace FaqBot.BotFramework.Hosting;

// Reads a request body up to a limit without trusting Content-Length, so an oversized post never fills memory.
internal readonly record struct BoundedBody(byte[] Bytes, bool TooLarge)
{
    public static async Task<BoundedBody> ReadAsync(HttpContext context, int limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return new BoundedBody([], true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return new BoundedBody([], true);
            }
        }

        return new BoundedBody(buffer.ToArray(), false);
    }
}
