using Microsoft.Playwright;

namespace FaqBot.Web.Tests.Browser;

/// <summary>Records how the page talked Direct Line, so a test can tell WebSocket streaming from HTTP polling.</summary>
public sealed class TransportWatch
{
    private int sockets;
    private int polls;

    public static TransportWatch Start(IPage page)
    {
        var watch = new TransportWatch();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/v3/directline/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref watch.sockets);
            }
        };
        page.Request += (_, request) =>
        {
            if (request.Method == "GET" && request.Url.Contains("/activities", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref watch.polls);
            }
        };
        return watch;
    }

    public void AssertUsed(string transport)
    {
        if (transport == "polling")
        {
            Assert.True(polls > 0, "the page should have polled GET …/activities");
            Assert.Equal(0, sockets);
        }
        else
        {
            Assert.True(sockets > 0, "the page should have opened the Direct Line stream");
            Assert.Equal(0, polls);
        }
    }
}
