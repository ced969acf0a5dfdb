using FaqBot.Knowledge;

namespace FaqBot.Web.Staff;

/// <summary>One problem met while loading the knowledge: the file, the line when known, and what is wrong.</summary>
public sealed record LoadWarning(string? File, int? Line, string Message);

/// <summary>The knowledge base's load warnings (<see cref="KnowledgeBase.LoadWarnings"/>) as the console shows them.</summary>
public sealed class LoadWarnings(KnowledgeBase knowledge)
{
    public IReadOnlyList<LoadWarning> All =>
        [.. knowledge.LoadWarnings.Select(w => new LoadWarning(string.IsNullOrEmpty(w.File) ? null : w.File, w.Line, w.Message))];
}
