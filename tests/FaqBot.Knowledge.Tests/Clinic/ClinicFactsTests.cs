using FaqBot.Knowledge.Clinic;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Tests.Semantic;
using FaqBot.Knowledge.Tests.Support;

namespace FaqBot.Knowledge.Tests.Clinic;

/// <summary>The bundled clinic facts found by their own words and by meaning, on the bundled knowledge.</summary>
public sealed class ClinicFactsTests(BundledKnowledge bundled) : IClassFixture<BundledKnowledge>, IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void TheBundledFactsLoadWithoutWarningsAndAreNeverIndexedAsArticles()
    {
        var knowledgeBase = bundled.KnowledgeBase;

        Assert.Empty(knowledgeBase.LoadWarnings);
        Assert.NotNull(knowledgeBase.Clinic.OfKind(ClinicFactKind.Hours));
        Assert.NotNull(knowledgeBase.Clinic.OfKind(ClinicFactKind.Contact));
        Assert.NotNull(knowledgeBase.Clinic.OfKind(ClinicFactKind.Booking));
        Assert.Contains("Monday to Friday, 8:00–18:00", knowledgeBase.Clinic.OfKind(ClinicFactKind.Hours)!.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(knowledgeBase.Searcher.GetArticles(), a => knowledgeBase.Clinic.All.Any(f => f.Title == a.Citation.Title));
    }

    [Theory]
    [InlineData("can I speak with an actual human being please", "contact")]
    [InlineData("I'd rather chat to one of your staff than a bot", "contact")]
    [InlineData("how can I reach you by phone?", "contact")]
    [InlineData("I need to make an appointment", "booking")]
    [InlineData("could you fit me in for a consultation next month", "booking")]
    [InlineData("what time do you shut on fridays", "opening-hours")]
    [InlineData("where do I leave the car when I visit?", "parking")]
    [InlineData("what's the clinic's street address", "address")]
    [InlineData("does blue cross insurance pay for treatment with you", "insurance")]
    [InlineData("what do you charge for a consultation", "prices")]
    public void APatientsOwnWordingFindsTheFact(string message, string factId)
    {
        var match = bundled.KnowledgeBase.Clinic.Match(message);

        Assert.True(match is not null, $"no fact for \"{message}\"; margins: {Margins(message)}");
        Assert.Equal(factId, match.Fact.Id);
    }

    [Theory]
    [InlineData("recipe for banana bread")]
    [InlineData("how do I get rid of warts on my feet")]
    [InlineData("is it ok to have microneedling with an open wound on my chin")]
    [InlineData("what is the best treatment for head lice")]
    [InlineData("who won the game last night")]
    public void AMessageAboutSomethingElseFindsNoFact(string message)
    {
        var match = bundled.KnowledgeBase.Clinic.Match(message);

        Assert.True(match is null, $"\"{message}\" found {match?.Fact.Id} (margin {match?.Similarity}, word {match?.Word})");
    }

    [Theory]
    [InlineData("is there parking?", "parking")]
    [InlineData("I want to talk to a person", "contact")]
    [InlineData("do you take my insurance", "insurance")]
    public void WithSemanticSearchOffAFactsOwnWordFindsIt(string message, string factId)
    {
        var lexical = new ClinicFacts(bundled.KnowledgeBase.Clinic.All);

        Assert.Equal(factId, lexical.Match(message)?.Fact.Id);
        Assert.Null(lexical.Match("how long does the redness last"));
    }

    [Fact]
    public void ABrokenFactIsReportedWithItsLineAndTheOthersStillLoad()
    {
        var folder = _temp.File("clinic");
        _temp.Write("clinic/parking.md", "---\ntitle: \"Parking\"\nwords: [\"park\"]\n---\nFree parking behind the building.\n");
        _temp.Write("clinic/hours.md", "---\nkind: \"hours\"\ntitle: \"Opening hours\nwords: [\"open\"]\n---\nMonday to Friday.\n");
        var errors = new List<ArticleError>();

        var facts = ClinicFacts.Read(folder, errors);

        Assert.Equal(["parking"], facts.Select(f => f.Id));
        var error = Assert.Single(errors);
        Assert.Equal("clinic/hours.md", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal("the title is missing its closing quote (\")", error.Message);
    }

    private string Margins(string message) =>
        string.Join(", ", bundled.KnowledgeBase.Clinic.Margins(message).Select(m => $"{m.Fact.Id} {m.Margin:0.000}"));

    public void Dispose() => _temp.Dispose();
}
