namespace FaqBot.Knowledge.Ingestion;

/// <summary>Where a passage comes from, as the article's front matter gives it; empty strings mean "not given".</summary>
public sealed record Citation(
    string Title,
    string Publisher,
    string Author,
    string Url,
    string Published,
    string Updated,
    string ReviewedBy,
    string ReviewedOn);
