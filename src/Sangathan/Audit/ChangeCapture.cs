using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Audit;

/// <summary>One tracked change, its "before" read while EF still has the original values.</summary>
internal sealed record CapturedChange(EntityEntry Entry, EntityState State, Dictionary<string, object?>? Before, string[] Changed);

/// <summary>Turns tracked changes into audit drafts: which entities are audited and which fields are noise.</summary>
internal static class ChangeCapture
{
    // Counters and keys derived from other fields: recomputed, never edited by anyone.
    static readonly HashSet<string> Derived =
    [
        nameof(Unit.NameKey), nameof(Unit.Path), nameof(Unit.Depth), nameof(Unit.RegionId), nameof(Photo.Content),
        // Secrets never go into the log, not even hashed.
        nameof(Access.StaffMember.PasswordHash), nameof(Access.StaffMember.TotpSecret), nameof(Cards.CardKey.SealedPrivateKey),
    ];

    // A unit's seat and holder counters follow from its level's posts and appointments. Only a unit's: a post's seats
    // are the administrator's decision and are audited.
    static readonly HashSet<string> UnitCounters =
    [
        nameof(Unit.Seats), nameof(Unit.SeatsFilled), nameof(Unit.HoldersWithoutPhoto), nameof(Unit.HoldersWithoutMobile),
        nameof(Unit.SubtreeSeats), nameof(Unit.SubtreeFilled),
    ];

    static bool IsDerived(IReadOnlyEntityType type, string name) =>
        Derived.Contains(name) || (type.ClrType == typeof(Unit) && UnitCounters.Contains(name));

    // Sessions, codes and failures are the sign-in's own bookkeeping; sign-ins are logged as events instead; so are
    // the join page's attempts, counted for its limits.
    // So is an import's: its file, progress and report. What an import changes in the tree is audited row by row.
    // Member counts (and the dashboards' daily snapshots of them), confirmation links and webhook receipts follow from audited changes to members and payments;
    // a photo is recorded by the change to the person or member it belongs to (its id), never by its bytes.
    // A card link is a member's own confirmation of their mobile, like a confirmation link; sending it is logged as an event.
    // A lease is which server runs a background job now.
    // A meeting scan is the idempotency key of a synced card scan; the mark it made is audited on the invitee.
    static bool Audited(EntityEntry e) => e.Entity is not (AuditEntry or AuditHead or Access.Session or Access.OtpCode or Access.SignInFailure or Access.SignInWarning or Membership.JoinAttempt
            or Import.ImportJob or Import.ImportFile or Import.ImportRowResult or Import.ImportMapping
            or Membership.MemberCountChange or Membership.MemberTally or Membership.MemberDayTally or Membership.PaymentEvent
            or Membership.MemberTotal or Membership.EnrollerTally or Dashboards.DailySnapshot or Data.LeaseRow
            or Membership.MemberConfirmation or People.Photo or Cards.CardLink or Meetings.MeetingScan)
        && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    public static List<CapturedChange> Collect(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        return tracker.Entries().Where(Audited).Select(e =>
        {
            var changed = e.State == EntityState.Modified
                ? e.Properties.Where(p => p.IsModified && !IsDerived(e.Metadata, p.Metadata.Name)).Select(p => p.Metadata.Name).ToArray()
                : [];
            var before = e.State switch
            {
                EntityState.Modified => Values(e, changed, original: true),
                EntityState.Deleted => Values(e, null, original: true),
                _ => null,
            };
            return new CapturedChange(e, e.State, before, changed);
        })
        .Where(c => c.State != EntityState.Modified || c.Changed.Length > 0)
        .ToList();
    }

    /// <summary>Called after the save, when new rows have their ids.</summary>
    public static AuditDraft ToDraft(CapturedChange c)
    {
        var after = c.State switch
        {
            EntityState.Added => Values(c.Entry, null, original: false),
            EntityState.Modified => Values(c.Entry, c.Changed, original: false),
            _ => null,
        };
        var action = c.State switch { EntityState.Added => Create, EntityState.Deleted => "delete", _ => "update" };
        var key = string.Join(",", c.Entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(c.Entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
        return new AuditDraft(action, c.Entry.Metadata.ClrType.Name, key, Json(c.Before), Json(after));
    }

    /// <summary>
    /// The entry for a new row written past the change tracker (an import's bulk writes, an enrollment), exactly as the
    /// interceptor would have written it had EF saved the entity: the same fields, in the same order. Its id must be set.
    /// </summary>
    public static AuditDraft Created(IEntityType type, object entity)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in Recorded.GetOrAdd(type, RecordedOf)) values[p.Name] = p.GetGetter().GetClrValue(entity);
        var key = string.Join(",", type.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(values[p.Name], CultureInfo.InvariantCulture)));
        return new AuditDraft(Create, type.ClrType.Name, key, null, Json(values));
    }

    const string Create = "create";

    static Dictionary<string, object?> Values(EntityEntry e, string[]? only, bool original)
    {
        var values = original ? e.OriginalValues : e.CurrentValues;
        var result = new Dictionary<string, object?>();
        // In name order, so that one entity's entries always list its fields alike.
        foreach (var p in Recorded.GetOrAdd(e.Metadata, RecordedOf))
            if (only is null || only.Contains(p.Name)) result[p.Name] = values[p];
        return result;
    }

    // Worked out once a type: an import captures a hundred thousand entities, each through the same few types.
    static readonly ConcurrentDictionary<IEntityType, IProperty[]> Recorded = new();

    static IProperty[] RecordedOf(IEntityType type) =>
        type.GetProperties().Where(p => !IsDerived(type, p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();

    static string? Json(Dictionary<string, object?>? values) =>
        values is null ? null : JsonSerializer.Serialize(values, JsonOptions);

    static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
