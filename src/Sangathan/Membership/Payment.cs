namespace Sangathan.Membership;

/// <summary>
/// Where an order stands. Paid is final: a failure reported later (out of order, or of an earlier attempt) never
/// undoes it. Failed and Abandoned (left open too long) can still turn Paid if the gateway later says so.
/// </summary>
public enum PaymentState { Created = 1, Paid = 2, Failed = 3, Abandoned = 4 }

/// <summary>An order placed with the payment gateway for one member's fee; the gateway's ids are kept as it gives them.</summary>
public sealed class PaymentOrder
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public required string OrderId { get; set; }
    public int AmountPaise { get; set; }
    public PaymentState State { get; set; }
    public string? PaymentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When the reconciler last asked the gateway about this order.</summary>
    public DateTime? CheckedAt { get; set; }
}

/// <summary>A gateway webhook already handled: the same event delivered twice is acknowledged and ignored.</summary>
public sealed class PaymentEvent
{
    public int Id { get; set; }
    public required string EventId { get; set; }
    public required string OrderId { get; set; }
    public required string Kind { get; set; }
    public DateTime ReceivedAt { get; set; }
}

/// <summary>Cash an enroller paid in to the party: what they owe is the cash fees they collected less these.</summary>
public sealed class CashDeposit
{
    public int Id { get; set; }
    public int EnrollerId { get; set; }
    public int AmountPaise { get; set; }
    public DateTime At { get; set; }
    public int? RecordedByStaffId { get; set; }
    public int? RecordedByPersonId { get; set; }
    /// <summary>The receipt or slip it was paid in with, as the war room wrote it.</summary>
    public string? Note { get; set; }
}
