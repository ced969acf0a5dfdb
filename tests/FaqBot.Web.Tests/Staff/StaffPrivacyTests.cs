using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Staff;

public sealed partial class StaffPrivacyTests
{
    [Fact]
    public async Task NoQuestionTextReachesTheLogAboveDebugWhileStaffUseTheConsole()
    {
        var recorder = new RecordingLoggerProvider();
        await using var server = StaffServer.Start(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug" },
            services: services => services.AddSingleton<ILoggerProvider>(recorder));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

        foreach (var path in new[] { "/staff", "/staff/questions", "/staff/export/unanswered.csv", "/staff/export/feedback.csv" })
        {
            using var page = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var form = await http.GetStringAsync("/staff/try");
        var token = AntiForgeryToken().Match(form).Groups[1].Value;
        using var tried = await http.PostAsync("/staff/try", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Question"] = "zebrafinch does microneedling hurt?",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, tried.StatusCode);
        Assert.Contains("Passages considered", await tried.Content.ReadAsStringAsync());

        Assert.Contains(recorder.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("zebrafinch"));
        foreach (var words in new[] { "zebrafinch", "parking", "is microneedling safe", "tattoo removal", "did not answer my question" })
        {
            Assert.DoesNotContain(recorder.Entries, e => e.Level > LogLevel.Debug && e.Message.Contains(words, StringComparison.OrdinalIgnoreCase));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryToken();
}
