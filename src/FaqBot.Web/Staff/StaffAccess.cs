using System.Net;
using System.Security.Claims;

namespace FaqBot.Web.Staff;

/// <summary>Who may use the console: signed-in staff (a configured group or role), or, with no identity provider,
/// only a browser on the bot's own machine.</summary>
public static class StaffAccess
{
    public const string Policy = "Staff";

    /// <summary>True when the request comes straight from this machine: a loopback peer and no proxy in between (a
    /// reverse proxy on the same machine forwards internet traffic from loopback, and says so in these headers).</summary>
    public static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For") && !context.Request.Headers.ContainsKey("Forwarded");

    public static bool IsStaff(ClaimsPrincipal user, StaffOptions options) =>
        user.Identity?.IsAuthenticated == true
        && (user.FindAll(options.GroupClaim).Any(c => options.AllowedGroups.Contains(c.Value, StringComparer.Ordinal))
            || user.FindAll(options.RoleClaim).Any(c => options.AllowedRoles.Contains(c.Value, StringComparer.Ordinal)));

    /// <summary>The name kept with a staff decision (who hid a passage).</summary>
    public static string WhoIs(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? user.FindFirst("preferred_username")?.Value ?? user.FindFirst("email")?.Value ?? user.FindFirst("name")?.Value ?? user.FindFirst("sub")?.Value ?? "signed-in user"
            : "local user (no sign-in)";

    // With no identity provider the console is this machine's alone: anyone else gets 403, and nothing else runs.
    internal static RequestDelegate LocalOnly(RequestDelegate next) => async context =>
    {
        if (!IsLocal(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The staff console has no sign-in configured (Staff:Authority), so it answers only on the bot's own machine.");
            return;
        }

        await next(context);
    };
}
