using FaqBot.Knowledge.Triage;

namespace FaqBot.Knowledge.Tests.Triage;

// Phrasings written apart from the dev set, so the rules are checked for how patients describe emergencies,
// not for the dev sentences.
public sealed class UrgentRuleFileTests
{
    private readonly UrgentRuleSet _rules = UrgentRuleSetLoader.Load(RepoFiles.UrgentRules);

    [Theory]
    [InlineData("Help, I'm struggling to breathe after my session", "breathing")]
    [InlineData("i am short of breath since the numbing cream went on", "breathing")]
    [InlineData("Is it normal that I can't breathe properly?", "breathing")]
    [InlineData("my lip is really swollen and puffy and it keeps getting bigger", "airway-swelling")]
    [InlineData("feels like my throat is tightening up", "airway-swelling")]
    [InlineData("I got hives all over my face and neck", "airway-swelling")]
    [InlineData("Sharp pain in my chest right now", "chest-pain")]
    [InlineData("I passed out in the car after the appointment", "collapse")]
    [InlineData("everything looks blurry in my right eye since the facial", "vision")]
    [InlineData("I've lost some vision in one eye after the treatment", "vision")]
    [InlineData("running a high temperature two days after microneedling", "fever-or-pus")]
    [InlineData("pus and fever after microneedling", "fever-or-pus")]
    [InlineData("the redness keeps spreading and is getting bigger every hour", "infection")]
    [InlineData("There is green discharge coming from my forehead", "fever-or-pus")]
    [InlineData("I think my face is infected", "infection")]
    [InlineData("blood is still pouring out of a spot on my chin", "bleeding")]
    [InlineData("I've been bleeding for hours after using the roller", "bleeding")]
    [InlineData("My skin hurts so bad I can't sleep", "severe-pain")]
    [InlineData("the burning is getting worse and worse", "severe-pain")]
    [InlineData("part of a needle is lodged in my cheek", "needle-in-skin")]
    [InlineData("I just want to die", "self-harm")]
    [InlineData("sometimes I think about suicide because of my scars", "self-harm")]
    [InlineData("I'm not okay, I keep thinking about hurting myself", "self-harm")]
    [InlineData("I can barely breathe, please help", "breathing")]
    [InlineData("my face blew up like a balloon after the session and my lips are huge", "airway-swelling")]
    [InlineData("its getting hard to swallow and my throat hurts after the lidocaine", "airway-swelling")]
    [InlineData("blood keeps dripping from my forehead", "bleeding")]
    [InlineData("my kid used my derma roller and now her eye is bleeding", "eye-injury")]
    [InlineData("my whole face is swelling and it's spreading to my neck", "infection")]
    [InlineData("infection? theres green gunk coming out of my chin", "fever-or-pus")]
    [InlineData("I feel like there's no point in living anymore", "self-harm")]
    [InlineData("Nothing matters, I'm going to end it", "self-harm")]
    [InlineData("HELP my lips r swelling so fast", "airway-swelling")]
    [InlineData("my lips are swolen and my throat is tite", "airway-swelling")]
    [InlineData("it wont stop bleding", "bleeding")]
    [InlineData("the pain is unberable", "severe-pain")]
    public void UrgentMessagesAreCaughtByTheirRule(string message, string ruleId)
    {
        var match = _rules.Match(message);

        Assert.NotNull(match);
        Assert.Equal(ruleId, match.Rule.Id);
    }

    [Theory]
    [InlineData("is bleeding normal during microneedling?")]
    [InlineData("can needles break off?")]
    [InlineData("Will my lips swell after microneedling?")]
    [InlineData("Is some swelling normal after the treatment?")]
    [InlineData("how long does the redness last")]
    [InlineData("does microneedling hurt a lot?")]
    [InlineData("Is severe pain a side effect of microneedling?")]
    [InlineData("what are the signs of infection after microneedling")]
    [InlineData("Can microneedling cause an infection?")]
    [InlineData("I get fever blisters sometimes, can I still have microneedling?")]
    [InlineData("lip swelling after microneedling")]
    [InlineData("allergic reaction microneedling")]
    [InlineData("bleeding after microneedling")]
    [InlineData("I'm allergic to lidocaine, what numbing do you use?")]
    [InlineData("I have no pain and no swelling, when can I wear makeup?")]
    [InlineData("my skin feels tight and dry after microneedling, is that normal?")]
    [InlineData("I had pinpoint bleeding during the session, is that ok?")]
    [InlineData("The needles on my derma roller look bent, should I replace it?")]
    [InlineData("I'm scared the pain will be unbearable")]
    [InlineData("I can't see any difference after three sessions")]
    [InlineData("can microneedling help the dark circles around my eyes")]
    [InlineData("what happens if a needle breaks off in the skin")]
    [InlineData("Is it normal to have some blood spots afterwards?")]
    [InlineData("my face is red like a sunburn the day after, how long will that last")]
    [InlineData("what should I do if my skin gets infected after microneedling")]
    [InlineData("how do I know if I'm having an allergic reaction to the serum")]
    [InlineData("can you go blind from microneedling near the eyes")]
    [InlineData("can microneedling cause breathing problems")]
    [InlineData("is it normal for skin to feel warm after microneedling")]
    [InlineData("I bruise easily, will I bruise a lot")]
    [InlineData("does the blood mean it went too deep")]
    [InlineData("I got injected with numbing cream before the session, is that normal?")]
    public void OrdinaryQuestionsThatShareWordsAreNotUrgent(string message)
    {
        var match = _rules.Match(message);

        Assert.True(match is null, $"flagged by {match?.Rule.Id}: \"{match?.MatchedWords}\"");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀😀😀")]
    [InlineData("\" * NEAR( OR - : ^")]
    public void OddInputIsNeverUrgentAndNeverThrows(string message)
    {
        Assert.Null(_rules.Match(message));
    }

    [Fact]
    public void AVeryLongMessageIsJudgedQuickly()
    {
        var message = string.Concat(Enumerable.Repeat("pain worse bleeding needle stuck lips ", 1500));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var match = _rules.Match(message);

        Assert.NotNull(match);
        Assert.True(watch.ElapsedMilliseconds < 3000, $"took {watch.ElapsedMilliseconds} ms");
    }
}
