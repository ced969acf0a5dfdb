using System.CommandLine;
using System.Globalization;
using FaqBot.Knowledge.Semantic;

namespace FaqBot.Cli.Commands;

// Fits what the fused search cannot know by itself, on the tune half of the question bank: the fusion weights (best
// top-1 over a small grid), the decision model (logistic regression: is the first passage right?) and its threshold
// (declining as many out-of-scope questions as possible while wrongly declining at most the target share of answerable
// ones). Prints them as C# to paste into FusionWeights.Default and DecisionModel.Default, and a reliability table.
internal static class FitDecisionCommand
{
    public static Command Create()
    {
        var questions = new Option<FileInfo[]>("--questions") { Description = "Question files to fit on, e.g. tests/data/questions/tune.jsonl and tests/data/dev-questions.jsonl (never the sealed half).", Required = true, AllowMultipleArgumentsPerToken = true };
        var maxWronglyDeclined = new Option<double>("--max-wrongly-declined") { Description = "The largest share of answerable questions the threshold may decline.", DefaultValueFactory = _ => 0.10 };
        var knowledge = KnowledgeOption.Create();
        var command = new Command("fit-decision", "Fit the fusion weights, decision model and threshold on a tune set and print them.") { questions, maxWronglyDeclined, knowledge };
        command.SetAction(async (parse, ct) =>
        {
            var files = parse.GetValue(questions)!;
            if (files.Any(f => f.Name.Contains("sealed", StringComparison.OrdinalIgnoreCase)))
            {
                Console.Error.WriteLine("Fitting on the sealed half would make its figures meaningless; use the tune half.");
                return 2;
            }

            using var knowledgeBase = await CliConfiguration.OpenAsync(parse.GetValue(knowledge), ct);
            if (knowledgeBase?.Hybrid is not { } hybrid)
            {
                Console.Error.WriteLine("Semantic search is off (Knowledge:Semantic); nothing to fit.");
                return 2;
            }

            var items = files.SelectMany(f => QuestionFile.Read(f.FullName).Items).ToList();
            var answerable = items.Where(i => i.Kind == "answer").ToList();
            var abstain = items.Where(i => i.Kind == "abstain").ToList();

            var best = (Weights: FusionWeights.Default, Top1: -1.0, Top3: -1.0);
            foreach (var lexical in new[] { 0.2, 0.3, 0.5 })
            {
                foreach (var (question, answer) in new[] { 0.5, 1.0 }.SelectMany(q => new[] { 0.0, 0.05, 0.1, 0.2 }.Select(a => (q, a))))
                {
                    var weights = new FusionWeights(lexical, 1.0, question, answer);
                    var ranks = answerable.Select(i => RightRank(hybrid.With(weights), i)).ToList();
                    var top1 = ranks.Count(r => r == 0) / (double)ranks.Count;
                    var top3 = ranks.Count(r => r is >= 0 and < 3) / (double)ranks.Count;
                    Console.WriteLine($"fusion lexical {lexical:0.0} question {question:0.0} lexical answer {answer:0.00}: top1 {top1:0.000} top3 {top3:0.000}");
                    if (top1 > best.Top1 || (top1 == best.Top1 && top3 > best.Top3))
                    {
                        best = (weights, top1, top3);
                    }
                }
            }

            var fused = hybrid.With(best.Weights);
            var rows = new List<(float[] Features, bool Right, bool Answerable)>();
            foreach (var item in answerable.Concat(abstain))
            {
                var ranked = fused.Rank(item.Question, 1);
                if (ranked.Count > 0)
                {
                    rows.Add((ranked[0].Signals.Features(), item.Kind == "answer" && IsRight(ranked[0].Hit.Passage.Text, item), item.Kind == "answer"));
                }
            }

            var model = LogisticRegression.Fit(rows.Select(r => r.Features).ToList(), rows.Select(r => r.Right).ToList(), l2: 1e-3, iterations: 3000, learningRate: 0.5);
            var scored = rows.Select(r => (P: model.Predict(r.Features), r.Right, r.Answerable)).ToList();
            var limit = parse.GetValue(maxWronglyDeclined);
            var threshold = 0.5;
            var bestDeclined = -1.0;
            for (var t = 0.05; t < 0.95; t += 0.01)
            {
                var wrongly = scored.Count(s => s.Answerable && s.P < t) / (double)answerable.Count;
                var declined = scored.Count(s => !s.Answerable && s.P < t) / (double)Math.Max(1, abstain.Count);
                if (wrongly <= limit && declined > bestDeclined)
                {
                    (threshold, bestDeclined) = (Math.Round(t, 2), declined);
                }
            }

            Console.WriteLine("threshold: out-of-scope declined / answerable wrongly declined / answered right among answerable");
            for (var t = 0.1; t < 0.71; t += 0.05)
            {
                Console.WriteLine($"  {t:0.00}: {scored.Count(s => !s.Answerable && s.P < t) / (double)Math.Max(1, abstain.Count):0.000} / {scored.Count(s => s.Answerable && s.P < t) / (double)answerable.Count:0.000} / {scored.Count(s => s.Right && s.P >= t) / (double)answerable.Count:0.000}");
            }

            string F(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
            Console.WriteLine();
            Console.WriteLine($"FusionWeights.Default = new(Lexical: {F(best.Weights.Lexical)}, Text: {F(best.Weights.Text)}, Question: {F(best.Weights.Question)}, LexicalAnswer: {F(best.Weights.LexicalAnswer)}); // top1 {best.Top1:0.000}, top3 {best.Top3:0.000}");
            var typicalNotCovered = rows.Average(r => r.Features[Array.IndexOf(DecisionModel.FeatureNames, "not_covered")]);
            Console.WriteLine($"DecisionModel.Default = new([{string.Join(", ", model.Weights.Select(F))}], {F(model.Bias)}, {F(threshold)}, {F(typicalNotCovered)}); // {string.Join(", ", DecisionModel.FeatureNames)}");
            Console.WriteLine($"at {F(threshold)}: out-of-scope declined {bestDeclined:0.000}, answerable wrongly declined {scored.Count(s => s.Answerable && s.P < threshold) / (double)answerable.Count:0.000}");
            Console.WriteLine();
            Console.WriteLine("reliability (confidence bucket: share right among answered-first passages)");
            foreach (var bucket in scored.GroupBy(s => Math.Min(9, (int)(s.P * 10))).OrderBy(g => g.Key))
            {
                Console.WriteLine($"  {bucket.Key / 10.0:0.0}-{(bucket.Key + 1) / 10.0:0.0}: {bucket.Count(s => s.Right) / (double)bucket.Count():0.00} of {bucket.Count()}");
            }

            return 0;
        });
        return command;
    }

    private static int RightRank(HybridSearcher searcher, QuestionItem item) =>
        searcher.Rank(item.Question, 10).Select((r, i) => (r, i)).Where(x => IsRight(x.r.Hit.Passage.Text, item)).Select(x => x.i).DefaultIfEmpty(-1).First();

    private static bool IsRight(string passageText, QuestionItem item) => EvalScore.IsRight(passageText, item);
}
