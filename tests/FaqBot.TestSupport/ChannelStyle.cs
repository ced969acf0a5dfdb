using System.Globalization;

namespace FaqBot.TestSupport;

/// <summary>How a channel's serviceUrl and message ids look, since the bot must get each channel's right.</summary>
/// <param name="ServicePath">What follows http://127.0.0.1:port in the serviceUrl.</param>
/// <param name="MessageId">The id the channel gives the activity of attempt n (0-based).</param>
public sealed record ChannelStyle(string ServicePath, Func<int, string> MessageId)
{
    /// <summary>The Emulator's: no path and no trailing slash; ids that count the attempts.</summary>
    public static ChannelStyle Emulator { get; } = new("", attempt => $"sent-{attempt}");

    /// <summary>Like Teams' <c>https://smba.trafficmanager.net/amer/</c>: a region path and a trailing slash; numeric ids.</summary>
    public static ChannelStyle Teams { get; } = new("/amer/", attempt => (1741101100001L + attempt).ToString(CultureInfo.InvariantCulture));
}
