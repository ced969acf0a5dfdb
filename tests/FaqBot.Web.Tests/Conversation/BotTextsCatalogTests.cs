using System.Reflection;
using FaqBot.Web.Conversation;

namespace FaqBot.Web.Tests.Conversation;

// The staff-editable texts files: what a mistake in one tells the person who made it, and which file a patient gets.
public sealed class BotTextsCatalogTests : IDisposable
{
    private static readonly string ShippedFolder = Path.Combine(
        typeof(BotTextsCatalogTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "knowledge", "texts");

    private static readonly ClinicOptions Clinic = new()
    {
        Name = "Lakeside Skin",
        Phone = "+1 555 0123",
        EmergencyNumber = "112",
        CrisisLine = "0800 111 (Test Crisis Line)",
    };

    private readonly string folder = Directory.CreateTempSubdirectory("faqbot-texts-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void TheShippedEnglishAndSpanishFilesLoadWithEveryText()
    {
        var catalog = BotTextsCatalog.Load(ShippedFolder, Clinic);

        Assert.Equal(["en", "es"], catalog.Languages.Order());
        Assert.Contains("[+1 555 0123](tel:+15550123)", catalog.For("en-US").Safeguard);
        Assert.Contains("[+1 555 0123](tel:+15550123)", catalog.For("es-ES").Safeguard);
        Assert.Contains("[0800 111](tel:0800111) (Test Crisis Line)", catalog.For("es").Urgent(crisis: true));
    }

    [Theory]
    [InlineData("es-MX", "es")]
    [InlineData("ES", "es")]
    [InlineData("es_ES", "es")]
    [InlineData("fr-FR", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void ALocaleGetsItsLanguagesFileElseEnglish(string? locale, string language)
    {
        var catalog = BotTextsCatalog.Load(ShippedFolder, Clinic);

        Assert.Equal(language, catalog.For(locale).Language);
    }

    [Fact]
    public void PlaceholdersAreFilledWithTheClinicsDetailsAndItsBookingPageWhenItHasOne()
    {
        var withBooking = new ClinicOptions
        {
            Name = Clinic.Name, Phone = Clinic.Phone, EmergencyNumber = Clinic.EmergencyNumber, CrisisLine = Clinic.CrisisLine,
            BookingUrl = "https://lakeside.example/book",
        };
        var english = BotTextsCatalog.Load(ShippedFolder, withBooking).For("en");

        Assert.Equal("This is general information, not medical advice. Please see a board-certified dermatologist about your own skin: "
            + "book at https://lakeside.example/book or call Lakeside Skin at [+1 555 0123](tel:+15550123).", english.Safeguard);
        Assert.Contains("call [112](tel:112) now", english.Urgent(crisis: false));
        Assert.DoesNotContain("{", english.Welcome("microneedling") + english.Help("microneedling") + english.NoAnswerDetails(["Microneedling"]));
    }

    [Fact]
    public void AnUnknownPlaceholderStopsLoadingWithTheFileAndItsLine()
    {
        var english = File.ReadAllText(Path.Combine(ShippedFolder, "en.yaml"))
            .Replace("Please reach out now: {crisis_line}.", "Please reach out now: {crisis_number}.", StringComparison.Ordinal);
        var path = Write("en.yaml", english);
        var line = LineOf(english, "{crisis_number}");

        var error = Assert.Throws<InvalidDataException>(() => BotTextsCatalog.Load(folder, Clinic));

        Assert.StartsWith($"{path}, line {line}: unknown placeholder {{crisis_number}} in \"urgent_crisis\"", error.Message);
    }

    [Fact]
    public void APlaceholderATextDoesNotTakeIsRefusedToo()
    {
        var english = File.ReadAllText(Path.Combine(ShippedFolder, "en.yaml"))
            .Replace("helpful: \"Helpful\"", "helpful: \"Helpful for {clinic}\"", StringComparison.Ordinal);
        Write("en.yaml", english);

        var error = Assert.Throws<InvalidDataException>(() => BotTextsCatalog.Load(folder, Clinic));

        Assert.Contains($"line {LineOf(english, "Helpful for {clinic}")}: unknown placeholder {{clinic}} in \"helpful\"", error.Message);
    }

    [Fact]
    public void AMissingTextStopsLoadingNamingTheFileAndTheText()
    {
        var spanish = string.Join('\n', File.ReadAllLines(Path.Combine(ShippedFolder, "es.yaml")).Where(l => !l.StartsWith("no_source_yet:", StringComparison.Ordinal)));
        File.Copy(Path.Combine(ShippedFolder, "en.yaml"), Path.Combine(folder, "en.yaml"));
        var path = Write("es.yaml", spanish);

        var error = Assert.Throws<InvalidDataException>(() => BotTextsCatalog.Load(folder, Clinic));

        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}, line \\d+: missing text \"no_source_yet\"", error.Message);
    }

    [Fact]
    public void AMisspelledKeyStopsLoadingAtItsLine()
    {
        var english = File.ReadAllText(Path.Combine(ShippedFolder, "en.yaml")).Replace("start_over:", "start_ovr:", StringComparison.Ordinal);
        Write("en.yaml", english);

        var error = Assert.Throws<InvalidDataException>(() => BotTextsCatalog.Load(folder, Clinic));

        Assert.Contains($"line {LineOf(english, "start_ovr:")}: \"start_ovr\" is not a text the bot uses", error.Message);
    }

    [Fact]
    public void WithoutAnEnglishFileThereIsNoFallbackAndLoadingStops()
    {
        File.Copy(Path.Combine(ShippedFolder, "es.yaml"), Path.Combine(folder, "es.yaml"));

        var error = Assert.Throws<InvalidDataException>(() => BotTextsCatalog.Load(folder, Clinic));

        Assert.Contains("en.yaml: the English texts file is missing", error.Message);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static int LineOf(string text, string fragment) => text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
