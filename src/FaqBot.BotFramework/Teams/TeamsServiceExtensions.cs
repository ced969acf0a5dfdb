using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FaqBot.BotFramework.Teams;

/// <summary>Puts <see cref="TeamsTurnHandler"/> around the bot already registered, so every turn passes through it.</summary>
public static class TeamsServiceExtensions
{
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var bot = services.LastOrDefault(d => d.ServiceType == typeof(ITurnHandler) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddTeams() wraps the bot's ITurnHandler; register the bot before calling it.");
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName);
        services.Remove(bot);
        services.Add(new ServiceDescriptor(
            typeof(ITurnHandler),
            sp => ActivatorUtilities.CreateInstance<TeamsTurnHandler>(sp, Create(sp, bot)),
            bot.Lifetime));
        return builder;
    }

    private static ITurnHandler Create(IServiceProvider services, ServiceDescriptor bot) =>
        (ITurnHandler)(bot.ImplementationInstance
            ?? bot.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, bot.ImplementationType!));
}
