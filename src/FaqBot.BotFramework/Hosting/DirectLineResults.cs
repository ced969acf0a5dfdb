using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;

namespace FaqBot.BotFramework.Hosting;

// Every Direct Line failure carries {"error":{"code","message"}}; the codes are what clients and tests rely on.
internal static class DirectLineResults
{
    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) => Results.Json(value, ProtocolJson.Options, statusCode: status);

    public static IResult Error(int status, string code, string message) => Results.Json(new ErrorResponse(code, message), ProtocolJson.Options, statusCode: status);

    public static IResult MissingAuthorization() =>
        Error(StatusCodes.Status401Unauthorized, "MissingAuthorization", "Send the Direct Line token as 'Authorization: Bearer <token>'.");

    public static IResult Refused(TokenCheck check) => check.IsExpired
        // 403 is what Direct Line clients read as "token expired": they refresh or ask the page for a new one.
        ? Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.")
        : Error(StatusCodes.Status403Forbidden, "InvalidToken", "The token is not valid for this Direct Line.");

    public static IResult StreamUrlUsed() =>
        Error(StatusCodes.Status403Forbidden, "TokenExpired", "This stream URL was already used; get a new one with GET /conversations/{id}.");

    public static IResult OtherConversation() =>
        Error(StatusCodes.Status403Forbidden, "Forbidden", "The token belongs to a different conversation.");

    public static IResult UnknownConversation() =>
        Error(StatusCodes.Status404NotFound, "NotFound", "The conversation does not exist or has expired.");
}
