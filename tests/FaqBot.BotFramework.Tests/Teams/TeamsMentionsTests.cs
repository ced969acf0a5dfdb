using FaqBot.BotFramework.Teams;
using static FaqBot.BotFramework.Tests.Teams.TeamsActivities;

namespace FaqBot.BotFramework.Tests.Teams;

public sealed class TeamsMentionsTests
{
    [Fact]
    public void TheBotsOwnMentionIsRemovedFromAChannelQuestion()
    {
        var activity = ChannelMessage("<at>Clinic FAQ</at> is parking free for patients?", $"[{BotMention()}, {ClientInfo}]");

        var text = TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("is parking free for patients?", text);
    }

    [Fact]
    public void AMentionInTheMiddleOfTheSentenceLeavesOneSpace()
    {
        var activity = ChannelMessage("hey <at>Clinic FAQ</at>   how long  does\nmicroneedling take?", $"[{BotMention()}]");

        var text = TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("hey how long does microneedling take?", text);
    }

    [Fact]
    public void ANonBreakingSpaceEntityAfterTheMentionBecomesAnOrdinarySpace()
    {
        var activity = ChannelMessage("<at>Clinic FAQ</at>&nbsp;does it&nbsp;hurt?", $"[{BotMention()}]");

        var text = TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("does it hurt?", text);
    }

    [Fact]
    public void OtherPeoplesMentionsStayReadableAsPlainNames()
    {
        var activity = ChannelMessage(
            "<at>Clinic FAQ</at> can <at>Sam Ortiz</at> book a peel for me?",
            $"[{BotMention()}, {PersonMention("Sam Ortiz")}]");

        var text = TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("can Sam Ortiz book a peel for me?", text);
    }

    [Fact]
    public void TheMentionIsFoundByItsEntityEvenWhenTheTagTextDiffersInCase()
    {
        var activity = ChannelMessage("<AT>clinic faq</AT> what is rosacea?", $"[{BotMention("<at>Clinic FAQ</at>")}]");

        var text = TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("what is rosacea?", text);
    }

    [Fact]
    public void AMentionEntityWithoutTextFallsBackToTheTagOfTheMentionedName()
    {
        var entity = $$"""{ "type": "mention", "mentioned": { "id": "{{BotId}}", "name": "Clinic FAQ" } }""";
        var activity = ChannelMessage("<at>Clinic FAQ</at> do you treat acne?", $"[{entity}]");

        var text = TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("do you treat acne?", text);
    }

    [Fact]
    public void ANameTypedInTagsWithoutAnEntityIsNotTakenAsTheBotsMention()
    {
        // Identity comes from entities; a user typing the bot's name keeps their words (without the markup).
        var activity = ChannelMessage("<at>Clinic FAQ</at> is a great name", "[]");

        var text = TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("Clinic FAQ is a great name", text);
    }

    [Fact]
    public void AMentionOfSomeoneElseWithTheBotsNameIsNotRemoved()
    {
        var impostor = """{ "type": "mention", "text": "<at>Clinic FAQ</at>", "mentioned": { "id": "29:someone-else", "name": "Clinic FAQ" } }""";
        var activity = ChannelMessage("<at>Clinic FAQ</at> hello", $"[{impostor}]");

        var text = TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("Clinic FAQ hello", text);
    }

    [Fact]
    public void TextWithoutMentionsIsLeftExactlyAsTyped()
    {
        var activity = ChannelMessage("  Line one\n\nline two ", "[]");

        var text = TeamsMentions.RemoveRecipientMention(activity);

        Assert.Equal("  Line one\n\nline two ", text);
    }

    [Fact]
    public void AMessageThatWasOnlyTheMentionBecomesEmpty()
    {
        var activity = ChannelMessage("<at>Clinic FAQ</at> ", $"[{BotMention()}]");

        TeamsMentions.StripRecipientMention(activity);

        Assert.Equal("", activity.Text);
    }

    [Fact]
    public void ACardSubmitWithoutTextStaysWithoutText()
    {
        var activity = Parse("""{ "type": "message", "channelId": "msteams", "value": { "faqId": "x" } }""");

        TeamsMentions.StripRecipientMention(activity);

        Assert.Null(activity.Text);
    }
}
