using FaqBot.BotFramework.Hosting;
using FaqBot.BotFramework.Teams;
using FaqBot.Web.Conversation;
using FaqBot.Web.Health;
using FaqBot.Web.Knowledge;
using FaqBot.Web.Scaling;
using FaqBot.Web.Staff;
using FaqBot.Web.Telemetry;
using FaqBot.Web.WebChat;

// The table of contents of the bot: each Add…/Map… lives with the part that owns it.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    // Options are read once at start (a change needs a restart), so watching appsettings.json would only cost: the
    // watcher covers the whole content root, data/ included, and woke up for every write to the feedback file.
    Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
    // appsettings.json and knowledge/ are copied next to the binary, so dotnet run, tests and a published build agree.
    ContentRootPath = AppContext.BaseDirectory,
});

// Every turn runs error boundary -> Teams -> typing indicator -> the bot; each step says its own place (TurnStage),
// so these calls may come in any order.
builder.AddKnowledge();           // options, index (rebuilt when the articles change), searcher
builder.AddConversation();        // clinic, urgent triage, answer decider, feedback store, the bot, its typing indicator
builder.AddTeams();               // Teams step: @mention removed, tenants checked, replies threaded, choices on cards where Teams hides them
builder.AddBotFramework();        // options, channel authentication, Connector client, turn pipeline and the dispatcher owning turns
builder.AddDirectLine();          // self-hosted Direct Line 3.0: tokens, conversations, CORS, rate limits
builder.AddWebChatPage();
builder.AddHealth();
builder.AddTelemetry();           // the bot's meter; metrics and traces exported only when configured
builder.AddStaffConsole();        // /staff: sign-in (or this machine only), overview, questions, try, knowledge, CSV
builder.AddSharedState();         // ConnectionStrings:Redis set: conversations and keys shared between instances

var app = builder.Build();

app.UseDirectLine();              // WebSockets, CORS, rate limits: before the Direct Line Map calls
app.MapBotMessages("/api/messages");
app.MapDirectLine("/v3/directline");
app.MapDirectLineTokenEndpoint("/api/directline/token");
app.MapWebChatPage();
app.MapHealth();
app.MapStaffConsole();

app.Run();
