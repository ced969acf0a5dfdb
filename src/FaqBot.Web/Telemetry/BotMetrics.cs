using System.Diagnostics.Metrics;
using FaqBot.Knowledge.Answering;

namespace FaqBot.Web.Telemetry;

/// <summary>
/// The bot's own figures for the clinic's dashboards and alerts: what it decided, what patients said of its answers, and
/// how long deciding took. Attributes are fixed words (outcome, vote), never a patient's text or an id.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "FaqBot";

    private readonly Counter<long> _decisions;
    private readonly Counter<long> _feedback;
    private readonly Histogram<double> _decisionSeconds;

    public BotMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _decisions = meter.CreateCounter<long>("faqbot.decisions", "{question}", "Questions decided, by outcome: answered, declined, urgent.");
        _feedback = meter.CreateCounter<long>("faqbot.feedback", "{vote}", "Helpful and not helpful votes on answers.");
        _decisionSeconds = meter.CreateHistogram<double>("faqbot.decision.duration", "s",
            "Time to decide one question: urgent triage, search and ranking (the typing indicator and sending excluded).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
    }

    public void Decided(DecisionKind kind, TimeSpan took)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", Outcome(kind));
        _decisions.Add(1, outcome);
        _decisionSeconds.Record(took.TotalSeconds, outcome);
    }

    public void Voted(bool helpful) => _feedback.Add(1, new KeyValuePair<string, object?>("vote", helpful ? "helpful" : "not_helpful"));

    // The words staff read on a dashboard, not the enum's.
    private static string Outcome(DecisionKind kind) => kind switch
    {
        DecisionKind.Answer => "answered",
        DecisionKind.Abstain => "declined",
        DecisionKind.Urgent => "urgent",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
