using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FaqBot.BotFramework.Hosting;

// Every Direct Line failure carries {"error":{"code","message"}}; the codes are what clients and tests rely on.
internal static class DirectLineResults
{
    // TypedResults.Json with the protocol's options: the bytes Web Chat and Direct Line JS have always read.
    public static JsonHttpResult<T> Json<T>(T value, int status = StatusCodes.Status200OK) => TypedResults.Json(value, ProtocolJson.Options, statusCode: status);

    public static DirectLineError Error(int status, string code, string message) => new(status, new ErrorResponse(code, message));

    public static DirectLineError MissingAuthorization() =>
        Error(StatusCodes.Status401Unauthorized, "MissingAuthorization", "Send the Direct Line token as 'Authorization: Bearer <token>'.");

    public static DirectLineError Refused(TokenCheck check) => check.IsExpired
        // 403 is what Direct Line clients read as "token expired": they refresh or ask the page for a new one.
        ? Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.")
        : Error(StatusCodes.Status403Forbidden, "InvalidToken", "The token is not valid for this Direct Line.");

    public static DirectLineError StreamUrlUsed() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "This stream URL was already used; get a new one with GET /conversations/{id}.");

    public static DirectLineError OtherConversation() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "The token belongs to a different conversation.");

    public static DirectLineError UnknownConversation() =>
        Error(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist or has expired.");

    public static DirectLineError TooManyRequests() =>
        Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; please wait a moment.");
}
