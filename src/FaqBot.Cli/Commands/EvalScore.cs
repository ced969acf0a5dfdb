using System.Text.RegularExpressions;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Search;

namespace FaqBot.Cli.Commands;

// Accumulates eval figures: an answer item is right at rank k when the k-th passage contains any expected phrase
// (case-insensitive, white space collapsed, curly and straight quotes alike).
internal sealed partial class EvalScore
{
    private readonly List<int?> _answerRanks = [];
    private int _answerDeclined;
    private int _answerUrgent;
    private int _abstainItems;
    private int _abstainDeclined;
    private int _urgentItems;
    private int _urgentCaught;
    private int _crisisItems;
    private int _crisisCaught;
    private int _ordinaryItems;
    private int _ordinaryUrgent;
    private int _nearUrgentItems;
    private int _nearUrgentFlagged;

    // Confidence of the first passage (answerable and out-of-scope items) and whether it was a right answer.
    private readonly List<(double Confidence, bool Right)> _calibration = [];

    public List<object> Misses { get; } = [];

    // Items a clinic fact answered (the articles had declined them), by the item's kind.
    private readonly Dictionary<string, int> _clinic = new(StringComparer.Ordinal);

    public void Add(QuestionItem item, DecisionKind decision, SearchResult result)
    {
        if (decision == DecisionKind.Clinic)
        {
            _clinic[item.Kind] = _clinic.GetValueOrDefault(item.Kind) + 1;
        }

        if (item.Kind != "urgent")
        {
            _ordinaryItems++;
            _ordinaryUrgent += decision == DecisionKind.Urgent ? 1 : 0;
            _nearUrgentItems += item.NearUrgent ? 1 : 0;
            _nearUrgentFlagged += item.NearUrgent && decision == DecisionKind.Urgent ? 1 : 0;
        }

        switch (item.Kind)
        {
            case "abstain":
                _calibration.Add((result.Best?.Confidence ?? 0, false));
                _abstainItems++;
                _abstainDeclined += decision != DecisionKind.Answer ? 1 : 0;
                if (decision is not (DecisionKind.Abstain or DecisionKind.Clinic))
                {
                    Misses.Add(new { id = item.Id, kind = item.Kind, question = item.Question, decision = JsonOutput.Decision(decision), answered_with = result.Best?.Passage.Id, confidence = result.Best?.Confidence });
                }

                break;
            case "urgent":
                _urgentItems++;
                _urgentCaught += decision == DecisionKind.Urgent ? 1 : 0;
                if (item.Rule == "self-harm")
                {
                    _crisisItems++;
                    _crisisCaught += decision == DecisionKind.Urgent ? 1 : 0;
                }

                if (decision != DecisionKind.Urgent)
                {
                    Misses.Add(new { id = item.Id, kind = item.Kind, question = item.Question, rule = item.Rule, decision = JsonOutput.Decision(decision) });
                }

                break;
            default:
                var expected = item.ExpectAny.Select(Normalize).ToList();
                var rank = result.Hits.Take(10).Select((h, i) => (h, i)).Where(x => expected.Any(Normalize(x.h.Passage.Text).Contains)).Select(x => (int?)(x.i + 1)).FirstOrDefault();
                _answerRanks.Add(rank);
                _calibration.Add((result.Best?.Confidence ?? 0, rank == 1));
                _answerDeclined += decision != DecisionKind.Answer ? 1 : 0;
                _answerUrgent += decision == DecisionKind.Urgent ? 1 : 0;
                if (rank != 1 || decision != DecisionKind.Answer)
                {
                    Misses.Add(new { id = item.Id, kind = item.Kind, question = item.Question, rank, decision = JsonOutput.Decision(decision), top = result.Best?.Passage.Id, confidence = result.Best?.Confidence });
                }

                break;
        }
    }

    public Dictionary<string, object?> Figures(bool decisionUsesConfidence = true)
    {
        var answers = _answerRanks.Count;
        var figures = new Dictionary<string, object?>
        {
            ["answer_items"] = answers,
            ["top1"] = Share(_answerRanks.Count(r => r == 1), answers),
            ["recall_at_3"] = Share(_answerRanks.Count(r => r <= 3), answers),
            ["mrr_at_10"] = answers == 0 ? null : Math.Round(_answerRanks.Sum(r => r is { } k ? 1.0 / k : 0) / answers, 4),
            ["answerable_wrongly_declined"] = Share(_answerDeclined, answers),
            ["abstain_items"] = _abstainItems,
            ["abstain_declined"] = Share(_abstainDeclined, _abstainItems),
        };
        // A clinic fact answers only what the articles declined: it counts as declined above, and is shown here.
        if (_clinic.Count > 0)
        {
            figures["clinic_answered"] = _clinic.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => $"{c.Key} items", c => (object)c.Value);
        }

        if (_urgentItems > 0)
        {
            figures["urgent_items"] = _urgentItems;
            figures["urgent_caught"] = Share(_urgentCaught, _urgentItems);
            figures["answerable_flagged_urgent"] = Share(_answerUrgent, answers);
            figures["ordinary_flagged_urgent"] = Share(_ordinaryUrgent, _ordinaryItems);
        }

        if (_crisisItems > 0)
        {
            figures["self_harm_items"] = _crisisItems;
            figures["self_harm_caught"] = Share(_crisisCaught, _crisisItems);
        }

        // Reliability: for each confidence band of the first passage, the share of right answers (out-of-scope items
        // count as wrong at any confidence). A calibrated confidence reads like the share.
        if (_calibration.Count > 0 && decisionUsesConfidence)
        {
            figures["reliability"] = _calibration.GroupBy(c => Math.Min(9, (int)(c.Confidence * 10))).OrderBy(g => g.Key)
                .ToDictionary(g => $"{g.Key / 10.0:0.0}-{(g.Key + 1) / 10.0:0.0}", g => (object)$"{g.Count(c => c.Right) / (double)g.Count():0.00} of {g.Count()}");
        }

        if (_nearUrgentItems > 0)
        {
            figures["near_urgent_items"] = _nearUrgentItems;
            figures["near_urgent_flagged"] = Share(_nearUrgentFlagged, _nearUrgentItems);
        }

        return figures;
    }

    /// <summary>The passage contains one of the item's expected phrases.</summary>
    public static bool IsRight(string passageText, QuestionItem item)
    {
        var text = Normalize(passageText);
        return item.ExpectAny.Any(e => text.Contains(Normalize(e), StringComparison.Ordinal));
    }

    private static double? Share(int count, int total) => total == 0 ? null : Math.Round(count / (double)total, 4);

    private static string Normalize(string text) =>
        Spaces().Replace(text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"'), " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
