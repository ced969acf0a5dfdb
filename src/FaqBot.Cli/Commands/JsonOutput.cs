using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Clinic;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Search.Highlight;

namespace FaqBot.Cli.Commands;

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Decision(DecisionKind kind) => kind.ToString().ToLowerInvariant();

    public static object Hit(SearchHit hit) => new
    {
        id = hit.Passage.Id,
        doc = hit.Passage.DocId,
        title = hit.Passage.Title,
        heading = hit.Passage.Heading,
        text = hit.Passage.Text,
        score = hit.Score,
        confidence = hit.Confidence,
        url = hit.Passage.Citation.Url,
        best_sentence = hit.BestSentence,
    };

    public static string Answer(string qid, DecisionKind decision, SearchResult result, ClinicMatch? clinic = null) => clinic is null
        ? JsonSerializer.Serialize(new { qid, decision = Decision(decision), hits = result.Hits.Take(10).Select(Hit) }, Options)
        : JsonSerializer.Serialize(new { qid, decision = Decision(decision), clinic = new { id = clinic.Fact.Id, title = clinic.Fact.Title, similarity = clinic.Similarity, word = clinic.Word }, hits = result.Hits.Take(10).Select(Hit) }, Options);
}
