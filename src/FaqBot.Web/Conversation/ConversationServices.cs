using FaqBot.Knowledge;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Feedback;
using FaqBot.Knowledge.Search;
using FaqBot.Web.Telemetry;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Conversation;

/// <summary>What the conversation parts share, injected once so each responder stays small.</summary>
public sealed class ConversationServices(
    AnswerDecider decider,
    IPassageSearcher searcher,
    KnowledgeBase knowledge,
    AnswerComposer composer,
    FeedbackWriter feedback,
    IOptions<ConversationOptions> options,
    BotMetrics metrics,
    ILogger<ConversationServices> logger)
{
    public BotMetrics Metrics => metrics;

    public AnswerDecider Decider => decider;

    /// <summary>The clinic's own facts (knowledge/clinic/).</summary>
    public FaqBot.Knowledge.Clinic.ClinicFacts Clinic => knowledge.Clinic;
    public IPassageSearcher Searcher => searcher;

    /// <summary>The patient questions a passage answers (its section's front matter <c>questions:</c>, shared out among
    /// the section's passages), then those of the rest of its section; none when semantic search is off.</summary>
    public IReadOnlyList<string> PatientQuestions(string passageId)
    {
        if (knowledge.Hybrid?.Vectors is not { } vectors)
        {
            return [];
        }

        // Passage ids are "article/section/n": the section's other passages share the prefix.
        var section = passageId[..(passageId.LastIndexOf('/') + 1)];
        var own = vectors[passageId]?.Questions.Select(q => q.Question) ?? [];
        var others = vectors.All.Where(v => v.PassageId != passageId && v.PassageId.StartsWith(section, StringComparison.Ordinal)).SelectMany(v => v.Questions.Select(q => q.Question));
        return [.. own, .. others];
    }
    public AnswerComposer Composer => composer;
    public ConversationOptions Options => options.Value;
    public ILogger Logger => logger;

    // Built once, like the options they come from, so their buttons are built once too (see ChoicePresenter).
    private IReadOnlyList<Choice>? _examples;

    public IReadOnlyList<Choice> Examples => _examples ??= [.. Options.ExampleQuestions.Take(3).Select(q => new Choice(q, q))];

    public FeedbackWriter Feedback => feedback;

    /// <summary>
    /// Waits for a write to the feedback database; a full disk or a database that is down must not stop the patient
    /// getting an answer. Returns false when it could not be written (the writer logged why); a row left out on
    /// purpose (past a per-conversation or per-address bound) counts as handled.
    /// </summary>
    public async Task<bool> RecordAsync(Func<FeedbackWriter, Task> write)
    {
        try
        {
            await write(feedback);
            return true;
        }
        catch (FeedbackUnavailableException)
        {
            return false;
        }
    }
}
