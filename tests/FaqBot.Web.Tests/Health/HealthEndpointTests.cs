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
