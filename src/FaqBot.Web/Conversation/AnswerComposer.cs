using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.Knowledge.Chunking;
using FaqBot.Knowledge.Clinic;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Conversation;

/// <summary>Builds every reply: cited answers as Adaptive Cards with a full text fallback, and the bot's fixed messages.</summary>
public sealed class AnswerComposer(IOptions<ClinicOptions> clinicOptions, BotTextsCatalog texts)
{
    private const int MaxCachedCards = 1024;

    // Answer cards by what they show; the clinic's texts are fixed while the bot runs.
    private readonly BuiltOnceCache<(AnswerRef Answer, string? BestSentence, bool Personal, string Language), (string Text, byte[] Card)> _cards = new(MaxCachedCards);

    private ClinicOptions Clinic => clinicOptions.Value;

    /// <summary>The bot's own words in the patient's language (the activity's locale), English when there is no file for it.</summary>
    public BotTexts Texts(Activity inbound) => texts.For(inbound.Locale);

    /// <summary>
    /// A passage, verbatim (its best sentence in bold), then its citation and the safeguard; the same three in
    /// <c>text</c> and <c>fallbackText</c> for channels without cards.
    /// </summary>
    public Activity Answer(Activity inbound, Passage passage, string? bestSentence, AnswerRef answer, bool personalAdvice, IReadOnlyList<Choice> followUps)
    {
        // The card holds nothing of this conversation: built and serialised once, then sent as it is.
        var (text, card) = Cached(passage, bestSentence, answer, personalAdvice, Texts(inbound));
        var reply = Reply(inbound, text);
        reply.Attachments = [new Attachment { ContentType = AdaptiveCards.ContentType, ContentJson = card }];
        Offer(reply, followUps);
        return reply;
    }

    private (string Text, byte[] Card) Cached(Passage passage, string? bestSentence, AnswerRef answer, bool personalAdvice, BotTexts words) =>
        _cards.GetOrBuild((answer, bestSentence, personalAdvice, words.Language), (Composer: this, Passage: passage, Words: words), static (state, key) =>
        {
            var (text, body, actions) = state.Composer.Build(state.Passage, key.BestSentence, key.Answer, key.Personal, state.Words);
            return (text, JsonSerializer.SerializeToUtf8Bytes(AdaptiveCards.Attachment(body, actions, text).Content, ProtocolJson.Options));
        });

    // The passage (its best sentence in bold), the personal-advice line, the citation and the safeguard, as card
    // blocks and as plain text; and the two feedback buttons.
    private (string Text, JsonArray Body, JsonArray Actions) Build(Passage passage, string? bestSentence, AnswerRef answer, bool personalAdvice, BotTexts words)
    {
        var safeguard = words.Safeguard;
        var plain = new List<string> { passage.Text };
        var body = new JsonArray { AdaptiveCards.TextBlock(Emphasise(passage.Text, bestSentence)) };
        if (personalAdvice)
        {
            plain.Add(words.PersonalAdvice);
            body.Add(AdaptiveCards.TextBlock(words.PersonalAdvice, bold: true));
        }

        var citation = CitationText.Short(passage.Citation);
        plain.Add(citation);
        plain.Add(safeguard);
        body.Add(AdaptiveCards.TextBlock(CitationText.ShortLinked(passage.Citation), small: true, subtle: true));
        body.Add(AdaptiveCards.TextBlock(LinkUrl(safeguard, Clinic.BookingUrl), small: true));

        var actions = new JsonArray
        {
            AdaptiveCards.Submit(words.Helpful, FaqAction.Data(FaqAction.Feedback, answer.PassageId, answer.Decision, answer.Confidence, helpful: true)),
            AdaptiveCards.Submit(words.NotHelpful, FaqAction.Data(FaqAction.Feedback, answer.PassageId, answer.Decision, answer.Confidence, helpful: false)),
        };
        // The articles are not translated: a patient reading another language is told the passage is quoted as published.
        if (words.QuotedInArticleLanguage is { } quoted)
        {
            plain.Insert(0, quoted);
            body.Insert(0, AdaptiveCards.TextBlock(quoted, small: true, subtle: true));
        }

        return (string.Join("\n\n", plain), body, actions);
    }

    public Activity Urgent(Activity inbound, bool crisis) => Reply(inbound, Texts(inbound).Urgent(crisis));

    /// <summary>
    /// One of the clinic's own facts, as staff wrote it, cited as the clinic and without the "see a dermatologist"
    /// safeguard (it is not medical information); with tap-to-call and the booking link. Asking for a person or an
    /// appointment also gets the opening hours. The booking link is a button too, when the clinic has one.
    /// </summary>
    public Activity ClinicFact(Activity inbound, ClinicFact fact, ClinicFact? hours)
    {
        var contact = fact.Kind is ClinicFactKind.Contact or ClinicFactKind.Booking;
        var words = Texts(inbound);
        var how = contact ? words.ClinicContactOptions(hours is null ? null : $"{hours.Title}: {hours.Body}") : words.ClinicHowToReach;
        var source = words.ClinicSource;
        var plain = string.Join("\n\n", fact.Body, how, source);
        var body = new JsonArray
        {
            AdaptiveCards.TextBlock(fact.Body),
            AdaptiveCards.TextBlock(LinkUrl(how, Clinic.BookingUrl), bold: contact),
            AdaptiveCards.TextBlock(source, small: true, subtle: true),
        };
        var actions = new JsonArray();
        if (!string.IsNullOrWhiteSpace(Clinic.BookingUrl))
        {
            actions.Add(AdaptiveCards.OpenUrl(words.BookButton, Clinic.BookingUrl));
        }

        var reply = Reply(inbound, plain);
        reply.Attachments = [AdaptiveCards.Attachment(body, actions, plain)];
        return reply;
    }

    public Activity NoAnswer(Activity inbound, IEnumerable<string> topics, bool personalAdvice, IReadOnlyList<Choice> examples)
    {
        var words = Texts(inbound);
        var text = words.NoAnswer + "\n\n" + (personalAdvice ? words.PersonalAdvice + "\n\n" : "") + words.NoAnswerDetails(topics);
        return Message(inbound, text, examples);
    }

    public Activity Welcome(Activity inbound, string subject, IReadOnlyList<Choice> examples) =>
        Message(inbound, Texts(inbound).Welcome(subject), examples);

    public Activity Help(Activity inbound, string subject, IReadOnlyList<Choice> examples) =>
        Message(inbound, Texts(inbound).Help(subject), examples);

    public Activity Citation(Activity inbound, Passage passage, IReadOnlyList<Choice> followUps) =>
        Message(inbound, CitationText.Full(passage), followUps);

    /// <summary>A plain message with its choices; each channel shows them its own way (suggested actions, or card buttons).</summary>
    public Activity Message(Activity inbound, string text, IReadOnlyList<Choice>? choices = null)
    {
        var reply = Reply(inbound, text);
        Offer(reply, choices ?? []);
        return reply;
    }

    private static Activity Reply(Activity inbound, string? text)
    {
        var reply = inbound.CreateReply(text);
        reply.InputHint = "acceptingInput";
        return reply;
    }

    private static void Offer(Activity reply, IReadOnlyList<Choice> choices)
    {
        if (choices.Count > 0)
        {
            reply.SuggestedActions = ChoicePresenter.SuggestedActions(choices);
        }
    }

    // Bold only when the sentence sits on one line and carries no Markdown of its own, so emphasis cannot break the text.
    private static string Emphasise(string text, string? sentence)
    {
        if (string.IsNullOrWhiteSpace(sentence) || sentence.Contains('\n') || sentence.IndexOfAny(['*', '_', '[', ']']) >= 0)
        {
            return text;
        }

        var trimmed = sentence.Trim();
        var at = text.IndexOf(trimmed, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + "**" + trimmed + "**" + text[(at + trimmed.Length)..];
    }

    private static string LinkUrl(string text, string? url) =>
        string.IsNullOrWhiteSpace(url) ? text : text.Replace(url, $"[{url}]({url})", StringComparison.Ordinal);
}
