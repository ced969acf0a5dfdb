namespace FaqBot.Knowledge.Clinic;

/// <summary>The clinic fact a message asks for, and why it was chosen (for the CLI and logs).</summary>
/// <param name="Similarity">How much more the message reads like the fact's questions than like the articles' (mean
/// cosine similarity of the nearest two); 0 when semantic search is off.</param>
/// <param name="Word">The fact's word or phrase found in the message; null when meaning alone chose it.</param>
public sealed record ClinicMatch(ClinicFact Fact, double Similarity, string? Word);
