using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FaqBot.Web.Tests.Browser;

namespace FaqBot.Web.Tests.WebChat;

// The page hides Web Chat's upload button; a client that sends a photo anyway is told, in the clinic's words, where to turn.
public sealed class WebChatUploadRefusalTests(ChatAppServer server) : IClassFixture<ChatAppServer>
{
    [Fact]
    public async Task APhotoSentThroughTheBotsDirectLineIsRefusedWithTheClinicsWordsAndNotKept()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var tokenResponse = await http.PostAsync("/api/directline/token", null);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.PostAsync("/v3/directline/conversations", null);
        var conversationId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString();

        using var upload = await http.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/upload?userId=x", new { photo = "rash.jpg" });
        using var attached = await http.PostAsJsonAsync($"/v3/directline/conversations/{conversationId}/activities", new
        {
            type = "message",
            attachments = new[] { new { contentType = "image/jpeg", contentUrl = "https://example.org/rash.jpg" } },
        });
        var history = await http.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{conversationId}/activities");

        foreach (var refused in new[] { upload, attached })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
            Assert.Equal("AttachmentsNotAccepted", error.GetProperty("code").GetString());
            Assert.Equal("This chat does not accept files or photos. Please describe your question in words, or contact the clinic directly.",
                error.GetProperty("message").GetString());
        }

        Assert.DoesNotContain(history.GetProperty("activities").EnumerateArray(), a => a.TryGetProperty("attachments", out var list)
            && list.EnumerateArray().Any(x => x.GetProperty("contentType").GetString() == "image/jpeg"));
    }
}
