using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Web.Conversation;
using static FaqBot.Web.Tests.Conversation.Replies;

namespace FaqBot.Web.Tests.Conversation;

// Every article the bot can quote: the citation under its answer links to the source when the front matter has an
// address, and otherwise names who published or wrote it, never a link made up from nothing.
public sealed class CitationLinkTests(ConversationBot bot) : IClassFixture<ConversationBot>
{
    private static readonly string KnowledgeFolderPath = Path.Combine(
        typeof(CitationLinkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "knowledge");

    public static TheoryData<string> Articles() => [.. KnowledgeFolder.Read(KnowledgeFolderPath).Articles.Select(a => a.DocId)];

    [Theory]
    [MemberData(nameof(Articles))]
    public async Task TheCitationUnderAnAnswerLinksToTheSourceOrNamesItsPublisherAndAuthor(string docId)
    {
        var article = KnowledgeFolder.Read(KnowledgeFolderPath).Articles.Single(a => a.DocId == docId);
        var citation = article.Citation;
        var passage = bot.Searcher.Search(citation.Title + " microneedling", limit: 50).Hits
            .Select(h => h.Passage).First(p => p.Citation.Title == citation.Title);
        var chat = bot.NewChat();

        var answer = OnlyMessage(await chat.PressAsync(JsonSerializer.SerializeToElement(FaqAction.Data(FaqAction.Passage, passage.Id))));

        var line = Card(answer).GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()!)
            .Single(t => t.StartsWith("Source: ", StringComparison.Ordinal));
        var links = Regex.Matches(line, @"\[([^\]]+)\]\(([^)]+)\)");
        if (citation.Url.Length > 0)
        {
            var link = Assert.Single(links);
            Assert.Equal($"\u201C{citation.Title}\u201D", link.Groups[1].Value);
            Assert.Equal(citation.Url, link.Groups[2].Value);
            Assert.True(Uri.TryCreate(citation.Url, UriKind.Absolute, out var url) && url.Scheme == "https", $"{docId}: {citation.Url} is not an https address");
        }
        else
        {
            Assert.Empty(links);
        }

        Assert.Contains(citation.Title, line);
        Assert.Contains(citation.Publisher, line);
        Assert.Contains(citation.Author, line);
    }
}
