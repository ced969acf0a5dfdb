namespace FaqBot.BotFramework.Auth;

/// <summary>The Azure Bot registration kinds, as the <c>MicrosoftAppType</c> setting names them.</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
