using FaqBot.Knowledge.Feedback;

namespace FaqBot.Knowledge.Tests.Feedback;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("mail me at jane.doe+skin@example.co.uk please", "mail me at [email] please")]
    [InlineData("call me on +1 (555) 010-0199 tomorrow", "call me on [phone] tomorrow")]
    [InlineData("my number is 07700 900123", "my number is [phone]")]
    [InlineData("treated on 2024-03-05 and 05/03/2024", "treated on [date] and [date]")]
    [InlineData("since March 5th, 2024 it itches", "since [date] it itches")]
    [InlineData("my appointment is on 12 May", "my appointment is on [date]")]
    [InlineData("I was born 3/14", "I was born [date]")]
    public void PersonalDetailsAreReplacedByPlaceholders(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }

    [Theory]
    [InlineData("is redness normal 3 days after microneedling with 0.5 mm needles?")]
    [InlineData("I had 4 sessions in 2023, may I do another one?")]
    [InlineData("how much does it cost, around 300 dollars?")]
    public void OrdinaryQuestionsAreKeptAsTheyAre(string text)
    {
        Assert.Equal(text, Redactor.Redact(text));
    }
}
