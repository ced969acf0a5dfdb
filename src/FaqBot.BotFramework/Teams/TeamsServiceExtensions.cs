using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FaqBot.BotFramework.Teams;

/// <summary>Adds the Teams step (<see cref="TeamsMiddleware"/>) to every turn; independent of where the bot is registered.</summary>
public static class TeamsServiceExtensions
{
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName);
        builder.Services.AddTurnMiddleware<TeamsMiddleware>();
        return builder;
    }
}
