using FaqBot.BotFramework.Auth;
using FaqBot.BotFramework.Connector;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Registers the Bot Framework protocol: options, channel authentication, the Connector client and the turn pipeline.</summary>
public static class BotFrameworkServiceExtensions
{
    public static IHostApplicationBuilder AddBotFramework(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(BotFrameworkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The credentials are root keys, named as in every Bot Framework deployment; secrets come from the environment.
        services.AddOptions<BotCredentials>()
            .Configure<IConfiguration>((credentials, configuration) =>
            {
                credentials.AppTypeName = configuration["MicrosoftAppType"] ?? "";
                credentials.AppId = configuration["MicrosoftAppId"]?.Trim() ?? "";
                credentials.AppPassword = configuration["MicrosoftAppPassword"] ?? "";
                credentials.AppTenantId = configuration["MicrosoftAppTenantId"]?.Trim() ?? "";
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotCredentials>, BotCredentialsValidator>();

        services.AddHttpClient(ConnectorClient.HttpClientName, (sp, http) =>
            {
                // Polly enforces the real budgets; this is only a backstop.
                http.Timeout = sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.OutboundTimeout + TimeSpan.FromSeconds(5);
            })
            // An Authorization header must never follow a redirect to another host.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // A fetch may take longer than a caller waits for it (MetadataTimeout): a slow but working endpoint still loads the keys
        // for the requests after, rather than failing and being remembered as down.
        services.AddHttpClient(ChannelTokenValidator.MetadataHttpClientName, (sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.MetadataTimeout * 3)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddHttpClient(MsalHttpClientFactory.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<MsalHttpClientFactory>();
        services.TryAddSingleton<IBotTokenProvider>(sp =>
            sp.GetRequiredService<IOptions<BotCredentials>>().Value.AppType == BotAppType.UserAssignedMSI
                ? ActivatorUtilities.CreateInstance<ManagedIdentityTokenProvider>(sp)
                : ActivatorUtilities.CreateInstance<ClientSecretTokenProvider>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ChannelTokenValidator>(sp));
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<ConnectorClient>();
        // The turn pipeline and the dispatcher that owns running turns; Teams and the bot add their own steps.
        services.AddTurns();
        services.AddSingleton<BotMessagesHandler>();
        services.AddHostedService<BotModeReporter>();
        return builder;
    }
}
