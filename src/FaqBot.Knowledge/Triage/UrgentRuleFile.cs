namespace FaqBot.Knowledge.Triage;

// The YAML shape of knowledge/urgent-rules.yaml; UrgentRuleSetLoader turns it into the validated rule set.
internal sealed class UrgentRuleFile
{
    public int DefaultWindow { get; set; } = 8;
    public List<string> Negations { get; set; } = [];
    public List<string> ModalOpeners { get; set; } = [];
    public List<string> QuestionOpeners { get; set; } = [];
    public List<string> HypotheticalCues { get; set; } = [];
    public List<string> Fillers { get; set; } = [];
    public List<string> AskingVerbs { get; set; } = [];
    public List<string> TopicWords { get; set; } = [];
    public List<string> StatementWords { get; set; } = [];
    public List<UrgentRuleEntry> Rules { get; set; } = [];
}

internal sealed class UrgentRuleEntry
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public bool EvenInQuestions { get; set; }
    public bool IgnoreNegation { get; set; }
    public bool Crisis { get; set; }
    public int? Window { get; set; }
    public List<string> Patterns { get; set; } = [];
    public List<string> Unless { get; set; } = [];
}
