using FaqBot.Knowledge;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FaqBot.Web.Staff;

/// <summary>Registers the staff console at <c>/staff</c>: Razor Pages under Staff/Pages, OpenID Connect sign-in (or the
/// loopback-only rule without it), CSV export.</summary>
public static class StaffServiceExtensions
{
    public const string PathBase = "/staff";

    public static WebApplicationBuilder AddStaffConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Read now: whether there is sign-in at all decides which services exist.
        var options = builder.Configuration.GetSection(StaffOptions.SectionName).Get<StaffOptions>() ?? new StaffOptions();

        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Staff/Pages";
            if (options.SignInConfigured)
            {
                pages.Conventions.AuthorizeFolder("/", StaffAccess.Policy);
            }
        });
        services.AddSingleton<StaffData>();
        services.AddSingleton<LoadWarnings>();

        var authentication = services.AddAuthentication(scheme =>
        {
            scheme.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            // Not signed in: off to the identity provider. Signed in but not staff: the cookie handler's 403 below.
            scheme.DefaultChallengeScheme = options.SignInConfigured ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
            scheme.DefaultForbidScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(cookie =>
        {
            cookie.Cookie.Name = "faqbot-staff";
            cookie.Cookie.Path = PathBase;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = false;
            // Signed in but not staff: say so, rather than redirect to a page that does not exist.
            cookie.Events.OnRedirectToAccessDenied = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("You are signed in, but your account is not in a staff group or role for this console. Ask the clinic's administrator.");
            };
        });
        if (options.SignInConfigured)
        {
            authentication.AddOpenIdConnect(oidc =>
            {
                oidc.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                oidc.Authority = options.Authority;
                oidc.ClientId = options.ClientId;
                oidc.ClientSecret = string.IsNullOrEmpty(options.ClientSecret) ? null : options.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                // A top-level GET back to the console carries the Lax correlation cookies; a cross-site form POST would not.
                oidc.ResponseMode = OpenIdConnectResponseMode.Query;
                oidc.CallbackPath = PathBase + "/signin-oidc";
                oidc.SignedOutCallbackPath = PathBase + "/signout-callback-oidc";
                oidc.RequireHttpsMetadata = !new Uri(options.Authority).IsLoopback;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.SaveTokens = false;
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                oidc.Scope.Add("profile");
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = options.RoleClaim;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        }

        services.AddAuthorization(authorization => authorization.AddPolicy(StaffAccess.Policy, policy =>
        {
            if (options.SignInConfigured)
            {
                policy.RequireAuthenticatedUser();
                policy.RequireAssertion(context => StaffAccess.IsStaff(context.User, options));
            }
            else
            {
                // The loopback rule (StaffAccess.LocalOnly) has already turned everyone else away.
                policy.RequireAssertion(_ => true);
            }
        }));
        return builder;
    }

    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<StaffOptions>>().Value;
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PathBase), staff =>
        {
            if (!options.SignInConfigured)
            {
                staff.Use(StaffAccess.LocalOnly);
            }

            staff.Use(async (context, next) =>
            {
                // Staff pages hold patients' (redacted) questions: never cached, never framed, scripts only from here.
                var headers = context.Response.Headers;
                // As anti-forgery sets them itself on pages with a form (it warns when it has to change them).
                headers.CacheControl = "no-cache, no-store";
                headers.Pragma = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'" + (options.SignInConfigured ? " " + new Uri(options.Authority).GetLeftPart(UriPartial.Authority) : "");
                await next(context);
            });
            // Only here: the bot's own endpoints (/api/messages, Direct Line) have their own authentication.
            staff.UseAuthentication();
        });
        app.UseAuthorization();
        app.MapRazorPages();
        StaffExport.Map(app.MapGroup(PathBase + "/export").RequireAuthorization(StaffAccess.Policy));
        app.MapGet(PathBase + "/signout", async context =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            context.Response.Redirect(PathBase);
        }).RequireAuthorization(StaffAccess.Policy);
        return app;
    }
}
