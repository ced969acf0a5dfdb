using System.Collections.Concurrent;
using FaqBot.Web.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Conversation;

public sealed class PrivacyTests
{
    [Fact]
    public async Task APatientsWordsNeverReachTheLogAboveDebug()
    {
        var recorder = new RecordingLoggerProvider();
        await using var server = await BotServer.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" },
            services => services.AddSingleton<ILoggerProvider>(recorder));
        var chat = new BotChat(server.Http);

        _ = await chat.SayAsync("zebrafinch question: does microneedling hurt?");
        _ = await chat.SayAsync("zebrafinch my lips are swelling");
        _ = await chat.SayAsync("zebrafinch do you take my insurance");

        Assert.Contains(recorder.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("zebrafinch"));
        Assert.DoesNotContain(recorder.Entries, e => e.Level > LogLevel.Debug && e.Message.Contains("zebrafinch"));
    }
}
