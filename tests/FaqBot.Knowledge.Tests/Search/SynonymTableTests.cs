using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Tests.Support;
using FaqBot.Knowledge.Search.Queries;

namespace FaqBot.Knowledge.Tests.Search;

public sealed class SynonymTableTests
{
    [Fact]
    public void EachPatientPhraseOnTheLeftExpandsToEveryPhraseOnTheRight()
    {
        var table = SynonymTable.Parse(["# comment", "", "Side Effects, reactions => adverse reactions, risks"]);

        var expansions = table.Lookup(["side", "effects"], 0, 2);

        Assert.NotNull(expansions);
        Assert.Equal([["adverse", "reactions"], ["risks"]], expansions);
        Assert.NotNull(table.Lookup(["reactions"], 0, 1));
        Assert.Null(table.Lookup(["risks"], 0, 1));
        Assert.Equal(2, table.MaxPhraseWords);
    }

    [Fact]
    public void ALineWithoutAnArrowIsReportedWithItsLineNumberAndTheRestStillLoads()
    {
        var warnings = new List<string>();

        var table = SynonymTable.Parse(["hurt => pain", "this line has no arrow", "sore => pain"], warnings, "synonyms.txt");

        Assert.Equal(2, table.Count);
        Assert.StartsWith("synonyms.txt:2:", Assert.Single(warnings));
    }

    [Fact]
    public void TheBundledSynonymsFileParsesWithoutWarnings()
    {
        var warnings = new List<string>();

        var table = SynonymTable.Load(Path.Combine(RepoRoot.Path, "knowledge", "synonyms.txt"), warnings);

        Assert.Empty(warnings);
        Assert.True(table.Count > 20);
    }

    [Fact]
    public void LinesLucenesParserRefusesAreReportedWithTheirLineNumberInTheFile()
    {
        var warnings = new List<string>();

        var table = SynonymTable.Parse(["hurt => pain", "# a comment", "sore => pain => discomfort", "+++, itch => pruritus", "red => redness"], warnings, "synonyms.txt");

        Assert.Equal(2, table.Count);
        Assert.Collection(warnings,
            w => Assert.Equal("synonyms.txt:3: more than one explicit mapping specified on the same line", w),
            w => Assert.StartsWith("synonyms.txt:4: term: +++ was completely eliminated by analyzer", w));
        Assert.Null(table.Lookup(["itch"], 0, 1));
    }

    [Fact]
    public void MappingsWorkOneWayAndTheSameMultiWordPhraseInSeveralLinesAddsUp()
    {
        var table = SynonymTable.Parse(["stretch marks => striae", "stretch marks, Stretch-Marks → skin changes after pregnancy", "dark spots -> hyperpigmentation"]);

        Assert.Equal([["striae"], ["skin", "changes", "after", "pregnancy"]], table.Lookup(["stretch", "marks"], 0, 2));
        Assert.NotNull(table.Lookup(["dark", "spots"], 0, 2));
        Assert.Null(table.Lookup(["striae"], 0, 1));
        Assert.Null(table.Lookup(["hyperpigmentation"], 0, 1));
        Assert.Equal(2, table.MaxPhraseWords);
    }
}
