using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Feedback;
using FaqBot.Knowledge.Triage;

namespace FaqBot.Web.Conversation;

// A mistake in the texts files, the urgent rule or example file or an unwritable feedback file (or an unreachable feedback database) stops start-up with its message, not the
// first patient; the urgent examples are embedded here too, before the first message.
internal sealed class ConversationWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<BotTextsCatalog>();
        _ = services.GetRequiredService<UrgentRuleSet>();
        _ = services.GetRequiredService<AnswerDecider>();
        _ = services.GetRequiredService<IFeedbackDatabase>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
