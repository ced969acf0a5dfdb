using System.Text.Json;

namespace FaqBot.Cli.Commands;

internal static class QuestionFile
{
    // A bad line is reported (file:line: why) and skipped; the other lines still run.
    public static (List<QuestionItem> Items, List<string> Errors) Read(string path)
    {
        var items = new List<QuestionItem>();
        var errors = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var id = root.TryGetProperty("id", out var idValue) ? idValue.ToString() : "";
                var question = root.TryGetProperty("question", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()! : null;
                if (question is null)
                {
                    errors.Add($"{path}:{number}: no \"question\" string");
                    continue;
                }

                var kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "answer";
                var expect = root.TryGetProperty("expect_any", out var e) && e.ValueKind == JsonValueKind.Array
                    ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                    : [];
                var rule = root.TryGetProperty("rule", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                var nearUrgent = root.TryGetProperty("near_urgent", out var n) && n.ValueKind == JsonValueKind.True;
                items.Add(new QuestionItem(id.Length > 0 ? id : $"line-{number}", question, kind, expect, rule, nearUrgent));
            }
            catch (JsonException ex)
            {
                errors.Add($"{path}:{number}: not a JSON object ({ex.Message.Split('.')[0]})");
            }
        }

        return (items, errors);
    }
}
