using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Takes the member's row for the rest of the transaction, so that what is decided about one member (a payment
/// arriving by webhook, by the payer's return and by the reconciler at once) is decided one at a time: a no-op
/// update locks the row on PostgreSQL; SQLite's transactions already write one at a time.
/// </summary>
public static class MemberLock
{
    public static Task TakeAsync(AppDb db, int memberId, CancellationToken ct) =>
        db.Members.Where(m => m.Id == memberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, m => m.Status), ct);
}
