namespace Sangathan.Broadcasts;

/// <summary>An outbox row a worker holds (Sending, under its lease), with what its text needs.</summary>
internal sealed record Claimed(long Id, RecipientKind Kind, int RecipientId, string Address, string Language, string Name,
    string? UnitName, string? PostName, short Attempts);

/// <summary>What became of one claimed row at the gateway.</summary>
internal enum SendOutcome { Sent, Retry, Refused, Unknown }

internal sealed record SendResult(long Id, SendOutcome Outcome, string? GatewayId = null, string? Error = null);
