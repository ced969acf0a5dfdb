using System.Text.Json;
using FaqBot.Cli.Tests.Knowledge;

namespace FaqBot.Cli.Tests.Answering;

// `ask` reports what the bot would do, so an urgent message is "urgent" here exactly as in the chat.
public sealed class AskDecisionTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task AnUrgentMessageIsDecidedUrgentWithoutAPassage()
    {
        var questions = _workspace.WriteQuestions("q.jsonl",
            """{"id": "u1", "question": "my lips are swelling and I can't breathe"}""",
            """{"id": "a1", "question": "how often should I reapply sunscreen?"}""");

        var (code, output, error) = await FaqbotProcess.RunAsync(_workspace.Root, "ask", "--questions", questions, "--json");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("urgent", lines[0].GetProperty("decision").GetString());
        Assert.Equal(0, lines[0].GetProperty("hits").GetArrayLength());
        Assert.Equal("answer", lines[1].GetProperty("decision").GetString());
    }

    [Fact]
    public async Task ABrokenUrgentRuleFileIsAClearErrorNotASilentAnswer()
    {
        File.WriteAllText(_workspace.Path("knowledge", "urgent-rules.yaml"), "rules:\n  - id: a\n");

        var (code, _, error) = await FaqbotProcess.RunAsync(_workspace.Root, "ask", "my lips are swelling");

        Assert.NotEqual(0, code);
        Assert.Contains("urgent-rules.yaml", error);
        Assert.Contains("has no patterns", error);
    }

    public void Dispose() => _workspace.Dispose();
}
