using System.Text.Json;

namespace FaqBot.Cli.Tests.Knowledge;

public sealed class KnowledgeCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    [Fact]
    public async Task IndexBuildsTheOtherArticlesNamesTheBrokenOneAndExitsNonZeroSoADeployStops()
    {
        File.WriteAllText(_workspace.Path("knowledge", "broken.md"), "no front matter here");

        var (code, output, error) = await FaqbotProcess.RunAsync(_workspace.Root, "index");

        Assert.Equal(1, code);
        Assert.Contains("articles:  2", output);
        Assert.Contains("warnings:  1", output);
        Assert.Contains("broken.md:1:", output);
        Assert.Contains("1 file could not be loaded and is left out: broken.md.", error);
        Assert.True(File.Exists(_workspace.Path("data", "index", "CURRENT")));
    }

    [Fact]
    public async Task IndexSaysWhatIsWrongWithBadFrontMatterInPlainWords()
    {
        File.WriteAllText(_workspace.Path("knowledge", "quotes.md"), "---\npublisher: \"Test\"\ntitle: \"Laser Basics\nurl: \"\"\n---\n\nLasers use light.\n");

        var (code, output, _) = await FaqbotProcess.RunAsync(_workspace.Root, "index");

        Assert.Equal(1, code);
        Assert.Contains("quotes.md:3: the title is missing its closing quote (\")", output);
    }

    [Fact]
    public async Task IndexExitsZeroWhenEveryArticleLoads()
    {
        var (code, output, error) = await FaqbotProcess.RunAsync(_workspace.Root, "index");

        Assert.Equal(0, code);
        Assert.Contains("warnings:  0", output);
        Assert.DoesNotContain("could not be loaded", error);
    }

    [Fact]
    public async Task AskAnswersWithConfidenceBestSentenceAndCitation()
    {
        var (code, output, _) = await FaqbotProcess.RunAsync(_workspace.Root, "ask", "how often should I reapply sunscreen?");

        Assert.Equal(0, code);
        Assert.Contains("decision: answer", output);
        Assert.Contains("sunscreen/how-to-apply-it/1", output);
        Assert.Contains("» Apply it fifteen minutes before going outside and reapply every two hours.", output);
        Assert.Contains("Source: Sunscreen Basics, Test, https://example.org/sunscreen.md", output);
    }

    [Fact]
    public async Task BatchAskPrintsOneJsonLinePerQuestionWithHitsEvenWhenAbstaining()
    {
        var questions = _workspace.WriteQuestions("q.jsonl",
            """{"id": "a1", "question": "my skin is flaky after a peel"}""",
            """{"id": "a2", "question": "what are your opening hours"}""",
            """{"id": "a3", "question": "\" * NEAR( OR - : ^"}""");

        var (code, output, _) = await FaqbotProcess.RunAsync(_workspace.Root, "ask", "--questions", questions, "--json");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a1", "a2", "a3"], lines.Select(l => l.GetProperty("qid").GetString()));
        Assert.Equal(["answer", "abstain", "abstain"], lines.Select(l => l.GetProperty("decision").GetString()));
        var hit = lines[0].GetProperty("hits")[0];
        Assert.Equal("peels/recovery/1", hit.GetProperty("id").GetString());
        foreach (var field in new[] { "doc", "title", "heading", "text", "score", "confidence", "url" })
        {
            Assert.True(hit.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task AnotherKnowledgeFolderGetsItsOwnIndexWhichIsReusedWhileTheFolderIsUnchanged()
    {
        _workspace.WriteArticle("other", "tattoos.md", "Tattoo Care", "Keep a new tattoo clean and moisturised for two weeks.");
        var questions = _workspace.WriteQuestions("q.jsonl", """{"id": "t", "question": "how do I care for a new tattoo"}""");

        var first = await FaqbotProcess.RunAsync(_workspace.Root, "ask", "--questions", questions, "--json", "--knowledge", _workspace.Path("other"));
        var index = Path.Combine(Assert.Single(Directory.GetDirectories(_workspace.Path("data"), "knowledge-other-*")), "CURRENT");
        var builtAt = File.GetLastWriteTimeUtc(index);
        var second = await FaqbotProcess.RunAsync(_workspace.Root, "ask", "--questions", questions, "--json", "--knowledge", _workspace.Path("other"));

        Assert.Contains("\"tattoos/intro/1\"", first.Output);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(builtAt, File.GetLastWriteTimeUtc(index));
        Assert.False(Directory.Exists(_workspace.Path("data", "index")));
    }

    [Fact]
    public async Task EvalPrintsTheFiguresOfAQuestionSet()
    {
        var questions = _workspace.WriteQuestions("dev.jsonl",
            """{"id": "1", "question": "when should I reapply sunscreen", "kind": "answer", "expect_any": ["reapply every  two hours"]}""",
            """{"id": "2", "question": "how long does peeling last after a chemical peel", "kind": "answer", "expect_any": ["last about a week"]}""",
            """{"id": "3", "question": "what is the weather tomorrow", "kind": "abstain", "expect_any": []}""");

        var (code, output, _) = await FaqbotProcess.RunAsync(_workspace.Root, "eval", "--questions", questions, "--json");

        Assert.Equal(0, code);
        var figures = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1.0, figures.GetProperty("top1").GetDouble());
        Assert.Equal(1.0, figures.GetProperty("recall_at_3").GetDouble());
        Assert.Equal(1.0, figures.GetProperty("mrr_at_10").GetDouble());
        Assert.Equal(1.0, figures.GetProperty("abstain_declined").GetDouble());
        Assert.Equal(0.0, figures.GetProperty("answerable_wrongly_declined").GetDouble());
    }

    [Fact]
    public async Task ChunksPrintsEveryPassageAsJsonLines()
    {
        var (code, output, _) = await FaqbotProcess.RunAsync(_workspace.Root, "chunks");

        Assert.Equal(0, code);
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(["peels/intro/1", "peels/recovery/1", "sunscreen/intro/1", "sunscreen/how-to-apply-it/1"], ids);
    }

    [Fact]
    public async Task ABadLineInAQuestionsFileIsReportedAndTheOtherLinesStillRun()
    {
        var questions = _workspace.WriteQuestions("q.jsonl", """{"id": "ok", "question": "reapply sunscreen"}""", "this is not json", """{"id": "no-question"}""");

        var (code, output, error) = await FaqbotProcess.RunAsync(_workspace.Root, "ask", "--questions", questions, "--json");

        Assert.Equal(1, code);
        Assert.Contains("\"qid\":\"ok\"", output);
        Assert.Contains("q.jsonl:2: not a JSON object", error);
        Assert.Contains("q.jsonl:3: no \"question\" string", error);
    }

    [Fact]
    public async Task AMissingKnowledgeFolderIsAClearErrorNotACrash()
    {
        var (code, output, error) = await FaqbotProcess.RunAsync(_workspace.Root, "ask", "does it hurt?", "--knowledge", _workspace.Path("nowhere"));

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal($"Knowledge folder not found: {_workspace.Path("nowhere")}", error.Trim());
    }

    public void Dispose() => _workspace.Dispose();
}
