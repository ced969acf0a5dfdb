using System.Net.WebSockets;
using System.Text;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FaqBot.BotFramework.Hosting;

// The WebSocket streamUrl: backlog after the URL's watermark, then each new ActivitySet as one text frame.
internal static class DirectLineStreamHandler
{
    public static async Task<Results<EmptyHttpResult, DirectLineError>> StreamAsync(HttpContext context, string conversationId, string? t, string? watermark,
        DirectLineTokens tokens, IDirectLineStore conversations, IUsedStreamTokens used, DirectLineStreams streams)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The stream URL needs a WebSocket upgrade.");
        }

        if (string.IsNullOrEmpty(t))
        {
            return DirectLineResults.MissingAuthorization();
        }

        var check = await tokens.CheckStreamAsync(t);
        if (!check.IsValid)
        {
            return DirectLineResults.Refused(check);
        }

        if (!string.Equals(check.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return DirectLineResults.OtherConversation();
        }

        if (await conversations.FindAsync(conversationId, context.RequestAborted) is not { } conversation)
        {
            return DirectLineResults.UnknownConversation();
        }

        // Single use: the second connect with the same URL is refused like an expired one, and the client asks for a new URL.
        if (string.IsNullOrEmpty(check.TokenId) || !await used.TryClaimAsync(check.TokenId, check.ExpiresAt, context.RequestAborted))
        {
            return DirectLineResults.StreamUrlUsed();
        }

        // Subscribed before the upgrade, so a store that cannot be reached still gets its 503; the backlog waits in the feed.
        var subscription = await conversation.SubscribeAsync(DirectLineRequest.ParseWatermark(watermark), context.RequestAborted);
        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync();
        }
        catch
        {
            conversation.Unsubscribe(subscription);
            throw;
        }

        using var _ = socket;
        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, streams.Ending);
        try
        {
            // Cancelling a pending receive aborts a WebSocket, so the reader runs until the client closes or goes away.
            var receiving = DrainAsync(socket, context.RequestAborted);
            var sending = SendAsync(socket, subscription, stopSending.Token);
            if (await Task.WhenAny(receiving, sending) == sending)
            {
                // Our side ended it: "collision" tells the client a newer socket took over, "expired" that the conversation is
                // gone, "stopping" that this server is going away (the client reconnects, elsewhere behind a balancer).
                var reason = subscription.EndReason ?? (streams.Ending.IsCancellationRequested ? "stopping" : "closed");
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, context.RequestAborted);
                await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(2), context.RequestAborted));
            }
            else
            {
                await stopSending.CancelAsync();
                if (socket.State == WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed", context.RequestAborted);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away; it reconnects with its watermark and loses nothing.
        }
        finally
        {
            conversation.Unsubscribe(subscription);
        }

        return TypedResults.Empty;
    }

    private static async Task SendAsync(WebSocket socket, StreamSubscription subscription, CancellationToken cancellationToken)
    {
        await foreach (var frame in subscription.Frames.ReadAllAsync(cancellationToken))
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
        }
    }

    // Clients send only empty keep-alive frames (Direct Line JS pings every 20 s); they are read and ignored until close.
    private static async Task DrainAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // A vanished client is the normal way for a socket to end.
        }
    }
}
