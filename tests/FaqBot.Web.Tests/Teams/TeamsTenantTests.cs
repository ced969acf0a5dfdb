using System.Net;
using static FaqBot.Web.Tests.Teams.TeamsPayloads;

namespace FaqBot.Web.Tests.Teams;

public sealed class TeamsTenantTests : TeamsTestBed
{
    private const string ClinicTenant = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Teams:AllowedTenantIds:0"] = ClinicTenant,
    };

    [Fact]
    public async Task AQuestionFromAnotherOrganisationsTeamsGetsNoAnswer()
    {
        // TeamsPayloads sends from TenantId, which is not the clinic's.
        await PostAsync(Teams.PersonalMessage(PersonalConversation("foreign"), "1741101009001", "What is microneedling?"));

        Assert.Empty(await MessagesOnceTurnsEndAsync());
    }

    [Fact]
    public async Task AFeedbackInvokeFromAnotherOrganisationIsRefused()
    {
        using var response = await Bot.Http.PostAsync("/api/messages", JsonContent(Teams.FeedbackInvoke(PersonalConversation("foreign-invoke"), "f:1", "1", "like", "")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static StringContent JsonContent(System.Text.Json.Nodes.JsonObject activity) =>
        new(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
