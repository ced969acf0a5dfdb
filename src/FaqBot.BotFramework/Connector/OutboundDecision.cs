namespace FaqBot.BotFramework.Connector;

public enum OutboundDecision
{
    Refuse,
    SendAnonymously,
    SendWithToken,
}
