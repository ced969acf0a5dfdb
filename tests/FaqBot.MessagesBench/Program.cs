using System.CommandLine;
using System.Reflection;
using FaqBot.MessagesBench;

// Throughput and latency of POST /api/messages (expectReplies, real patient questions) next to a bare Kestrel endpoint,
// measured in the same run, then the bot's resident memory. See docs/performance.md. Run in Release:
//   dotnet build src/FaqBot.Web -c Release --artifacts-path /tmp/faqbot-bench
//   dotnet run -c Release --project tests/FaqBot.MessagesBench -- --bot-dll /tmp/faqbot-bench/bin/FaqBot.Web/release/FaqBot.Web.dll
var repoRoot = typeof(BenchRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
    .FirstOrDefault(a => a.Key == "RepoRoot")?.Value ?? Directory.GetCurrentDirectory();

var botDll = new Option<FileInfo>("--bot-dll") { Description = "FaqBot.Web.dll of a Release build", Required = true };
var connections = new Option<int>("--connections") { Description = "concurrent connections", DefaultValueFactory = _ => 32 };
var seconds = new Option<int>("--seconds") { Description = "measured seconds per slice and server", DefaultValueFactory = _ => 5 };
// Tiered compilation was still re-compiling the bot's hot paths 10 s into the load on the 2-core machine (a profile
// showed the JIT taking a fifth of the CPU), so a short warm-up measured the JIT, not the bot.
var warmup = new Option<int>("--warmup") { Description = "warm-up seconds per server before the first slice", DefaultValueFactory = _ => 15 };
var rounds = new Option<int>("--rounds") { Description = "measured slices per server, alternating between the servers", DefaultValueFactory = _ => 6 };
var questions = new Option<FileInfo>("--questions")
{
    Description = "JSON lines with a \"question\" field; the answerable ones are spread over the connections",
    DefaultValueFactory = _ => new FileInfo(Path.Combine(repoRoot, "tests", "data", "dev-questions.jsonl")),
};
var botEnvironment = new Option<string[]>("--bot-env")
{
    Description = "extra environment for the bot process, KEY=VALUE (repeatable), e.g. DOTNET_gcServer=0",
    DefaultValueFactory = _ => [],
};
var root = new RootCommand("Benchmark POST /api/messages of FaqBot against a minimal Kestrel endpoint")
{
    botDll, connections, seconds, warmup, rounds, questions, botEnvironment,
};
root.SetAction((result, _) => new BenchRun(
    result.GetValue(botDll)!, result.GetValue(connections), TimeSpan.FromSeconds(result.GetValue(seconds)),
    TimeSpan.FromSeconds(result.GetValue(warmup)), result.GetValue(rounds), result.GetValue(questions)!,
    result.GetValue(botEnvironment)!).RunAsync());

// Two instances on one Redis: Direct Line conversations over WebSockets, questions alternating between the instances.
var scaleBotDll = new Option<FileInfo>("--bot-dll") { Description = "FaqBot.Web.dll of a Release build", Required = true };
var scaleConversations = new Option<int>("--conversations") { Description = "concurrent Direct Line conversations", DefaultValueFactory = _ => 200 };
var scaleQuestions = new Option<int>("--questions-each") { Description = "questions per conversation", DefaultValueFactory = _ => 5 };
var scaleRedisOptions = new Option<string>("--redis-options") { Description = "appended to the bots' Redis connection string, e.g. asyncTimeout=3000", DefaultValueFactory = _ => "" };
var scale = new Command("directline-scale", "Two bot instances on one private redis-server: concurrent Direct Line conversations over WebSockets")
{
    scaleBotDll, scaleConversations, scaleQuestions, questions, scaleRedisOptions,
};
scale.SetAction((result, _) => new DirectLineScaleRun(result.GetValue(scaleBotDll)!, result.GetValue(scaleConversations),
    result.GetValue(scaleQuestions), result.GetValue(questions)!, result.GetValue(scaleRedisOptions)!).RunAsync());
root.Subcommands.Add(scale);

// What forged tokens cost (issue 17): CPU per request, latency and Warning lines, per kind of bad token.
var forged = new Command("forged-tokens", "Send forged and bad tokens to FaqBot and print what each costs") { botDll, connections, seconds };
forged.SetAction((result, _) => new ForgedTokenBench(result.GetValue(botDll)!, result.GetValue(connections), TimeSpan.FromSeconds(result.GetValue(seconds))).RunAsync());
root.Subcommands.Add(forged);

// The baseline runs as a child process of this same program, so neither server shares the load generator's process.
var port = new Option<int>("--port") { Required = true };
var baseline = new Command("baseline-server", "internal: run the minimal endpoint") { port };
baseline.SetAction((result, ct) => BaselineServer.RunAsync(result.GetValue(port), ct));
root.Subcommands.Add(baseline);
var protocol = new Command("protocol-server", "internal: run the protocol library with a fixed-reply bot") { port };
protocol.SetAction((result, ct) => ProtocolServer.RunAsync(result.GetValue(port), ct));
root.Subcommands.Add(protocol);

return await root.Parse(args).InvokeAsync();
