using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Auth;

/// <summary>Refuses half a configuration at start-up, where it is cheap to fix, instead of at the first 401.</summary>
public sealed class BotCredentialsValidator : IValidateOptions<BotCredentials>
{
    public ValidateOptionsResult Validate(string? name, BotCredentials options)
    {
        if (!options.AuthenticationEnabled)
        {
            return options.AppPassword.Length > 0
                ? ValidateOptionsResult.Fail("MicrosoftAppPassword is set but MicrosoftAppId is empty; set both or neither.")
                : ValidateOptionsResult.Success;
        }

        return options.AppType switch
        {
            null => ValidateOptionsResult.Fail($"MicrosoftAppType '{options.AppTypeName}' is not one of MultiTenant, SingleTenant, UserAssignedMSI."),
            BotAppType.MultiTenant or BotAppType.SingleTenant when options.AppPassword.Length == 0 =>
                ValidateOptionsResult.Fail($"MicrosoftAppType {options.AppType} needs MicrosoftAppPassword (set it in the environment, not in appsettings.json)."),
            BotAppType.SingleTenant when options.AppTenantId.Length == 0 =>
                ValidateOptionsResult.Fail("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId."),
            BotAppType.UserAssignedMSI when options.AppPassword.Length > 0 =>
                ValidateOptionsResult.Fail("MicrosoftAppType UserAssignedMSI uses the managed identity; MicrosoftAppPassword must be empty."),
            BotAppType.UserAssignedMSI when options.AppTenantId.Length == 0 =>
                ValidateOptionsResult.Fail("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
