using FaqBot.Knowledge.Feedback;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Conversation;

/// <summary>
/// The feedback database: the SQLite file (Feedback:Path) by default, PostgreSQL when ConnectionStrings:Feedback is
/// set. Its one writer and the retention purge run as hosted services; the schema is created or migrated at start.
/// </summary>
public static class FeedbackServiceExtensions
{
    public const string ConnectionName = "Feedback";

    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IFeedbackDatabase>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FeedbackOptions>>().Value;
            var connectionString = sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionName);
            IFeedbackDatabase database = string.IsNullOrWhiteSpace(connectionString)
                ? new SqliteFeedbackDatabase(Path.GetFullPath(options.Path, sp.GetRequiredService<IHostEnvironment>().ContentRootPath), options.Limits)
                : new PostgresFeedbackDatabase(connectionString, options.Limits, sp.GetRequiredService<TimeProvider>());
            database.CreateSchema();
            return database;
        });
        services.AddSingleton(sp => new FeedbackWriter(
            sp.GetRequiredService<IFeedbackDatabase>(),
            new IdHasher(sp.GetRequiredService<IOptions<FeedbackOptions>>().Value.HashKey),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FeedbackWriter>>(),
            sp.GetRequiredService<IOptions<FeedbackOptions>>().Value.Limits));
        services.AddHostedService(sp => sp.GetRequiredService<FeedbackWriter>());
        services.AddSingleton(sp => new FeedbackRetention(
            sp.GetRequiredService<IFeedbackDatabase>(),
            sp.GetRequiredService<IOptions<FeedbackOptions>>().Value.RetentionDays,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<FeedbackRetention>>()));
        services.AddHostedService(sp => sp.GetRequiredService<FeedbackRetention>());
        services.AddSingleton(sp => new FeedbackReader(sp.GetRequiredService<IFeedbackDatabase>(), sp.GetRequiredService<FeedbackWriter>()));
        return services;
    }
}
