using System.Net;
using System.Text.Json;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Search;
using FaqBot.Web.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task LivenessAnswers200WithoutTouchingTheIndex()
    {
        await using var server = await BotServer.StartAsync(services: s => s.AddSingleton<IPassageSearcher, BrokenSearcher>());

        using var response = await server.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StatusOf(response));
    }

    [Fact]
    public async Task ReadinessAnswers200WhenTheBundledKnowledgeAnswersAQuery()
    {
        await using var server = await BotServer.StartAsync();

        using var response = await server.Http.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StatusOf(response));
    }

    [Fact]
    public async Task ReadinessAnswers503WhenTheIndexCannotBeSearched()
    {
        await using var server = await BotServer.StartAsync(services: s => s.AddSingleton<IPassageSearcher, BrokenSearcher>());

        using var response = await server.Http.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("knowledge-index", body, StringComparison.Ordinal);
        Assert.DoesNotContain("disk I/O", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadinessIsDegradedNamingABrokenArticleInPlainWordsWhileTheBotAnswersFromTheRest()
    {
        var knowledge = Directory.CreateTempSubdirectory("faqbot-readyz-knowledge-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(knowledge, "peels.md"),
                "---\ntitle: \"Chemical Peels\"\npublisher: \"Test\"\n---\n\nA chemical peel removes the outer layer of skin with an acid solution.\n\n"
                + "## Recovery\n\nPeeling skin and redness last about a week after a medium peel.\n");
            File.WriteAllText(Path.Combine(knowledge, "lasers.md"), "---\npublisher: \"Test\"\ntitle: \"Laser Basics\nurl: \"\"\n---\n\nLasers use light.\n");
            await using var server = await BotServer.StartAsync(new Dictionary<string, string?>
            {
                ["Knowledge:Path"] = knowledge,
                ["Knowledge:Semantic"] = "false",
            });

            using var response = await server.Http.GetAsync("/readyz");
            var body = await response.Content.ReadAsStringAsync();
            var answer = Conversation.Replies.Text(Conversation.Replies.OnlyMessage(await new Conversation.BotChat(server.Http).SayAsync("how long does redness last after a peel?")));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Degraded", await StatusOf(response));
            using var json = JsonDocument.Parse(body);
            var description = json.RootElement.GetProperty("checks").GetProperty("knowledge-index").GetProperty("description").GetString();
            Assert.EndsWith("1 knowledge file could not be loaded and is left out: lasers.md (line 3: the title is missing its closing quote (\"))", description, StringComparison.Ordinal);
            Assert.DoesNotContain(knowledge, body, StringComparison.Ordinal);
            Assert.Contains("Peeling skin and redness last about a week", answer, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(knowledge, recursive: true);
        }
    }

    [Fact]
    public async Task HealthAnswersAreNeverCached()
    {
        await using var server = await BotServer.StartAsync(services: s => s.AddSingleton<IPassageSearcher, BrokenSearcher>());

        using var response = await server.Http.GetAsync("/healthz");

        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    private static async Task<string?> StatusOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString();
    }

    /// <summary>An index that is gone: every read fails the way a missing or locked SQLite file would.</summary>
    private sealed class BrokenSearcher : IPassageSearcher
    {
        public SearchResult Search(string question, int limit = 10) => throw new IOException("disk I/O error");

        public Passage? GetPassage(string passageId) => throw new IOException("disk I/O error");

        public Passage? GetNextPassage(string passageId) => throw new IOException("disk I/O error");

        public IReadOnlyList<ArticleSummary> GetArticles() => throw new IOException("disk I/O error");
    }
}
