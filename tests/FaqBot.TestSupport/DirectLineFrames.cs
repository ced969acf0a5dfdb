using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace FaqBot.TestSupport;

/// <summary>What a Direct Line client reads from its stream: one activity set per WebSocket message.</summary>
public static class DirectLineFrames
{
    /// <summary>The activity sets until the server closes the socket; an empty message (a keep-alive) is skipped.
    /// Cancelling, or the socket breaking, ends the loop with the exception the caller expects from a socket.</summary>
    public static async IAsyncEnumerable<JsonObject> ReadAsync(WebSocket socket, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                yield break;
            }

            if (message.Length > 0)
            {
                yield return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }
}
