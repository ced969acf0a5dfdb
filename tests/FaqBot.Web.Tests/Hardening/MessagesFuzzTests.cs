using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FaqBot.Web.Tests.Conversation;

namespace FaqBot.Web.Tests.Hardening;

/// <summary>
/// A seeded fuzzer for /api/messages on the whole bot (protocol, conversation, triage, search): generated bodies,
/// from valid activities bent in the ways a broken or hostile sender bends them, must never get a 5xx, and the bot
/// must still answer a real question afterwards. The seed is fixed, so a failure names a body that fails again.
/// </summary>
public sealed class MessagesFuzzTests(ConversationBot bot) : IClassFixture<ConversationBot>
{
    private const int Bodies = 1500;

    [Fact]
    public async Task NoGeneratedBodyGetsA5xxAndTheBotStillAnswersAfterwards()
    {
        var random = new Random(20261206);
        var failures = new List<string>();
        var answered = 0;
        for (var i = 0; i < Bodies && failures.Count < 5; i++)
        {
            var body = ActivityFuzzer.Body(random);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await bot.Server.Http.PostAsync("/api/messages", content);
            answered += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            // 501 is the protocol's documented answer to an invoke the bot does not handle (docs/architecture.md).
            if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented)
            {
                failures.Add($"{(int)response.StatusCode} for body #{i}: {Encoding.UTF8.GetString(body)[..Math.Min(300, body.Length)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(answered > Bodies / 10, $"only {answered} of {Bodies} bodies were accepted: the mutations are too heavy to reach the bot");
        var reply = Replies.OnlyMessage(await bot.NewChat().SayAsync("does microneedling hurt?"));
        Assert.True(Replies.HasCard(reply));
    }
}

/// <summary>Bodies for the fuzzer: a valid expectReplies activity, then one to three of the mutations below.</summary>
internal static class ActivityFuzzer
{
    private static readonly string[] Types = ["message", "conversationUpdate", "invoke", "event", "typing", "messageReaction", "installationUpdate", "endOfConversation", "", "x", "MESSAGE"];

    private static readonly string[] Texts =
    [
        "does microneedling hurt?", "", " ", "\u0000", "\ud83d\ude00\ud83d\ude00", "\u05e9\u05dc\u05d5\u05dd", "title:x AND (", "* ~ \\\\ \"",
        "i dont want to wake up tomorrow", "tell me more", "where is this from", "start over", "help",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "0", "-1", "1e309", "\"\"", "[]", "{}", "[null]", "[[[]]]", "{\"faqAction\":\"feedback\"}", "{\"faqAction\":null}",
        "{\"faqAction\":\"more\",\"passageId\":5}", "{\"faqAction\":\"passage\",\"passageId\":\"../../etc\"}", "\"\\ud800\"", "{\"a\":\"\\udfff\"}",
    ];

    public static byte[] Body(Random random)
    {
        var fields = new Dictionary<string, string>
        {
            ["type"] = Quote(Types[random.Next(Types.Length)]),
            ["id"] = Quote(Guid.NewGuid().ToString("N")),
            ["channelId"] = Quote(random.Next(3) switch { 0 => "msteams", 1 => "webchat", _ => "emulator" }),
            ["serviceUrl"] = Quote("http://127.0.0.1:9/"),
            ["deliveryMode"] = Quote("expectReplies"),
            ["from"] = "{\"id\":\"u" + random.Next(50) + "\",\"name\":\"Pat\"}",
            ["recipient"] = "{\"id\":\"faqbot-test\"}",
            ["conversation"] = "{\"id\":\"fuzz-" + random.Next(50) + "\"}",
            ["text"] = Quote(Texts[random.Next(Texts.Length)]),
        };

        for (var m = random.Next(1, 4); m > 0; m--)
        {
            Mutate(fields, random);
        }

        var json = "{" + string.Join(",", fields.Select(f => Quote(f.Key) + ":" + f.Value)) + "}";
        var bytes = Encoding.UTF8.GetBytes(json);
        return random.Next(10) == 0 ? Corrupt(bytes, random) : bytes;
    }

    private static void Mutate(Dictionary<string, string> fields, Random random)
    {
        var keys = fields.Keys.ToList();
        switch (random.Next(9))
        {
            case 0: // a field of the wrong type or null
                fields[keys[random.Next(keys.Count)]] = Values[random.Next(Values.Length)];
                break;
            case 1: // a field removed
                fields.Remove(keys[random.Next(keys.Count)]);
                break;
            case 2: // a value for a button press
                fields["value"] = Values[random.Next(Values.Length)];
                break;
            case 3: // members with nulls and odd entries
                fields["membersAdded"] = random.Next(3) switch { 0 => "[null]", 1 => "[{\"id\":null}]", _ => "[{},{\"id\":\"faqbot-test\"},1]" };
                break;
            case 4: // a Teams activity whose channelData has odd shapes
                fields["channelId"] = Quote("msteams");
                fields["type"] = Quote(random.Next(2) == 0 ? "invoke" : "conversationUpdate");
                fields["channelData"] = random.Next(3) switch { 0 => "{\"team\":{\"id\":\"t\",\"name\":\"\\ud800\"}}", 1 => "{\"tenant\":null,\"team\":[]}", _ => "{\"tenant\":{\"id\":5}}" };
                break;
            case 5: // deep nesting
                var depth = random.Next(10, 200);
                fields["entities"] = new string('[', depth) + new string(']', depth);
                break;
            case 6: // a long text
                fields["text"] = Quote(new string((char)('a' + random.Next(26)), random.Next(1000, 20000)));
                break;
            case 7: // a duplicate key
                fields["text\":\"dup\",\"text"] = Quote("again");
                break;
            default: // attachments, some broken
                fields["attachments"] = random.Next(2) == 0 ? "[null]" : "[{\"contentType\":5,\"content\":\"x\"}]";
                break;
        }
    }

    // A few bytes overwritten: invalid UTF-8, stray quotes and brackets.
    private static byte[] Corrupt(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
