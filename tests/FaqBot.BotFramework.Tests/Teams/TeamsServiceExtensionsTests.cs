using FaqBot.BotFramework.Teams;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static FaqBot.BotFramework.Tests.Teams.TeamsActivities;

namespace FaqBot.BotFramework.Tests.Teams;

public sealed class TeamsServiceExtensionsTests
{
    [Fact]
    public async Task TheRegisteredBotIsReachedThroughTheTeamsWrapper()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var bot = new HearingBot();
        builder.Services.AddSingleton<ITurnHandler>(bot);

        builder.AddTeams();
        using var host = builder.Build();
        var handler = host.Services.GetRequiredService<ITurnHandler>();
        await handler.HandleAsync(new TurnContext(ChannelMessage("<at>Clinic FAQ</at> hi there", $"[{BotMention()}]"), (_, _) => Task.FromResult<string?>(null)), CancellationToken.None);

        Assert.IsType<TeamsTurnHandler>(handler);
        Assert.Equal("hi there", bot.Heard);
    }

    [Fact]
    public void WrappingWithoutABotFailsAtStartWithAClearMessage()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddTeams());

        Assert.Contains("register the bot before", error.Message, StringComparison.Ordinal);
    }

    private sealed class HearingBot : ITurnHandler
    {
        public string? Heard { get; private set; }

        public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            Heard = turn.Activity.Text;
            return Task.CompletedTask;
        }
    }
}
