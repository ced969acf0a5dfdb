using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Hosting;
using FaqBot.BotFramework.Teams;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static FaqBot.BotFramework.Tests.Teams.TeamsActivities;

namespace FaqBot.BotFramework.Tests.Teams;

public sealed class TeamsServiceExtensionsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheTeamsStepRunsBeforeTheBotWhicheverIsRegisteredFirst(bool teamsFirst)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var bot = new HearingBot();
        if (teamsFirst)
        {
            builder.AddTeams();
        }

        builder.Services.AddTurns();
        builder.Services.AddSingleton<ITurnHandler>(bot);
        if (!teamsFirst)
        {
            builder.AddTeams();
        }

        using var host = builder.Build();
        var pipeline = host.Services.GetRequiredService<TurnPipeline>();
        await pipeline.RunAsync(ChannelMessage("<at>Clinic FAQ</at> hi there", $"[{BotMention()}]"), (_, _) => Task.FromResult<string?>(null), CancellationToken.None);

        Assert.Equal([typeof(TurnErrorBoundary), typeof(TeamsMiddleware)], pipeline.Steps.Select(s => s.GetType()));
        Assert.Equal("hi there", bot.Heard);
    }

    [Fact]
    public void AddingTeamsTwiceAddsOneStep()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddTeams();
        builder.AddTeams();

        Assert.Single(builder.Services, d => d.ServiceType == typeof(ITurnMiddleware) && d.ImplementationType == typeof(TeamsMiddleware));
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
