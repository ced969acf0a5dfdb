using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Conversation;

/// <summary>The <c>Conversation</c> section: triage rules, conversation memory and the welcome's example questions.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>The staff-editable urgent rule file, relative to the content root unless absolute.</summary>
    [Required]
    public string UrgentRulesFile { get; set; } = "knowledge/urgent-rules.yaml";

    /// <summary>The folder of the bot's own texts, one staff-editable <c>&lt;language&gt;.yaml</c> a language (en required).</summary>
    public string TextsFolder { get; set; } = "knowledge/texts";

    /// <summary>The staff-editable urgent examples (the semantic net), relative to the content root unless absolute.</summary>
    [Required]
    public string UrgentExamplesFile { get; set; } = "knowledge/urgent-examples.yaml";

    /// <summary>What the articles are about, for the welcome ("I answer questions about …").</summary>
    [Required]
    public string Subject { get; set; } = "microneedling";

    /// <summary>Shown as buttons in the welcome and when there is no answer.</summary>
    [MinLength(1)]
    public List<string> ExampleQuestions { get; set; } = [];

    /// <summary>Most conversations remembered at once; the least recently used is forgotten first.</summary>
    [Range(10, 1_000_000)]
    public int StateCapacity { get; set; } = 10_000;

    /// <summary>A conversation idle this long is forgotten ("tell me more" then starts afresh).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan StateExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When deciding takes longer than this a typing indicator goes out first; zero sends it always.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How many distinct messages' decisions to remember; repeated questions and button clicks skip triage and search.</summary>
    [Range(0, 100_000)]
    public int DecisionCacheSize { get; set; } = 1024;
}
