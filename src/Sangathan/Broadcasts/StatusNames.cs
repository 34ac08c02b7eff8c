using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Broadcasts;

/// <summary>Statuses (and channels) in the reader's language, for pages.</summary>
public static class StatusNames
{
    public static string Of(BroadcastStatus s) => s switch
    {
        BroadcastStatus.AwaitingApproval => T("Waiting for approval"),
        BroadcastStatus.Scheduled => T("Scheduled"),
        BroadcastStatus.Sending => T("Sending"),
        BroadcastStatus.Done => T("Done"),
        _ => T("Cancelled"),
    };

    public static string Of(MessageStatus s) => s switch
    {
        MessageStatus.Failed => T("Failed"),
        MessageStatus.Rerouted => T("Moved to another channel"),
        MessageStatus.Uncertain => T("Uncertain"),
        _ => s.ToString(),
    };

    public static string Of(Channel c) => c switch { Channel.Sms => "SMS", Channel.Email => T("e-mail"), _ => "WhatsApp" };
}
