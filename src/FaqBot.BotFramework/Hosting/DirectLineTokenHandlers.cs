using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

// tokens/generate and tokens/refresh of Direct Line 3.0.
internal static class DirectLineTokenHandlers
{
    public static async Task<Results<JsonHttpResult<Conversation>, DirectLineError>> GenerateAsync(HttpContext context, DirectLineTokens tokens, IOptions<DirectLineOptions> options)
    {
        var secret = options.Value.ServerSecret;
        if (DirectLineRequest.Bearer(context) is not { } presented)
        {
            return DirectLineResults.MissingAuthorization();
        }

        // Only a server holding our secret may mint tokens here; browsers use the page's token endpoint instead.
        if (secret.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(secret)))
        {
            return DirectLineResults.Error(StatusCodes.Status403Forbidden, "InvalidSecret", "tokens/generate needs the Direct Line server secret.");
        }

        TokenParameters? parameters = null;
        var body = await BoundedBody.ReadAsync(context, 4096);
        if (body.TooLarge)
        {
            return DirectLineResults.Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "TokenParameters may be at most 4096 bytes.");
        }

        if (body.Bytes.Length > 0)
        {
            try
            {
                parameters = JsonSerializer.Deserialize<TokenParameters>(body.Bytes, ProtocolJson.Options);
            }
            catch (JsonException)
            {
                return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be TokenParameters JSON.");
            }
        }

        var requested = parameters?.User?.Id;
        var userId = string.IsNullOrWhiteSpace(requested) || requested.Length > 128 ? DirectLineIds.NewUserId() : requested;
        var conversationId = DirectLineIds.NewConversationId();
        var issued = tokens.IssueBearer(conversationId, userId);
        return DirectLineResults.Json(new Conversation(conversationId, issued.Token, issued.ExpiresIn));
    }

    public static async Task<Results<JsonHttpResult<Conversation>, DirectLineError>> RefreshAsync(HttpContext context, DirectLineTokens tokens)
    {
        if (DirectLineRequest.Bearer(context) is not { } token)
        {
            return DirectLineResults.MissingAuthorization();
        }

        var check = await tokens.CheckBearerAsync(token);
        if (!check.IsValid)
        {
            return DirectLineResults.Refused(check);
        }

        var issued = tokens.IssueBearer(check.ConversationId, check.UserId);
        return DirectLineResults.Json(new Conversation(check.ConversationId, issued.Token, issued.ExpiresIn));
    }
}
