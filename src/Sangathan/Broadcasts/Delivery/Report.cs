namespace Sangathan.Broadcasts;

/// <summary>What a gateway's report says of a message: taken on (by the operator, by WhatsApp), delivered, or failed.</summary>
public enum ReportKind { Accepted = 1, Delivered = 2, Failed = 3, Buffered = 4 }

/// <summary>One delivery report: the outbox row it is about (our reference), what it says, and the gateway's words and id.</summary>
public sealed record Report(long MessageId, ReportKind Kind, string? Detail, string? GatewayId, DateTime At)
{
    /// <summary>Kannel's DLR status numbers: 1 delivered, 2 not delivered, 4 buffered, 8 taken by the SMSC, 16 refused by it.</summary>
    public static ReportKind? FromKannel(int status) => status switch
    {
        1 => ReportKind.Delivered, 2 or 16 => ReportKind.Failed, 8 => ReportKind.Accepted, 4 => ReportKind.Buffered, _ => null,
    };

    /// <summary>WhatsApp's status webhook words.</summary>
    public static ReportKind? FromWhatsApp(string? status) => status switch
    {
        "sent" => ReportKind.Accepted, "delivered" or "read" => ReportKind.Delivered, "failed" => ReportKind.Failed, _ => null,
    };
}
