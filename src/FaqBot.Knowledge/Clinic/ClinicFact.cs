namespace FaqBot.Knowledge.Clinic;

/// <summary>One of the clinic's own facts (address, opening hours, parking, prices, insurance, booking, a person to
/// talk to), written by staff in <c>knowledge/clinic/</c>. Answered as the clinic's word, never as medical text.</summary>
/// <param name="Id">The file name without <c>.md</c>, lower case.</param>
/// <param name="SourceFile">The file it was read from, relative to the knowledge folder, for messages.</param>
/// <param name="Body">The Markdown after the front matter, as staff wrote it.</param>
/// <param name="Words">Everyday words and phrases that point at this fact ("park", "opening hours").</param>
/// <param name="Questions">How patients ask for it, compared by meaning when semantic search is on.</param>
public sealed record ClinicFact(string Id, string SourceFile, string Title, ClinicFactKind Kind, string Body,
    IReadOnlyList<string> Words, IReadOnlyList<string> Questions);

/// <summary>What a fact is for; the bot adds the clinic's contact options to <see cref="Contact"/> and
/// <see cref="Booking"/> answers, and quotes the <see cref="Hours"/> fact in them.</summary>
public enum ClinicFactKind
{
    Fact,
    Hours,
    Contact,
    Booking,
}
