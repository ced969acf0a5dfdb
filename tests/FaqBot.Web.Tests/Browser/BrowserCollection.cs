namespace FaqBot.Web.Tests.Browser;

/// <summary>Browser tests share one Chromium and run one at a time (the machine has two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "Browser";
}
