using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Tests.Support;

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
}
