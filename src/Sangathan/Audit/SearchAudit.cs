using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Platform;

namespace Sangathan.Audit;

public sealed record AuditFilter(string? Actor, string? Action, string? Entity, string? EntityId, DateOnly? From, DateOnly? To, int Page = 1);

public sealed record AuditRow(long? Seq, DateTime At, string Actor, string? Ip, string Action, string? Entity,
    string? EntityId, string? Before, string? After, string? Reason);

public sealed record AuditPage(int Total, int Page, int PageSize, IReadOnlyList<AuditRow> Rows);

/// <summary>The auditor's search: newest first (entries not yet sealed included), narrowed by who, what, which record and when.</summary>
/// <remarks>From and To are days of the party's time zone, as the page shows the times.</remarks>
public sealed class SearchAudit(AppDb db, PartyTime time)
{
    public const int PageSize = 50;

    public async Task<AuditPage> RunAsync(AuditFilter f, CancellationToken ct = default)
    {
        var q = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Actor)) q = q.Where(a => a.Actor == f.Actor.Trim());
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action == f.Action.Trim());
        if (!string.IsNullOrWhiteSpace(f.Entity)) q = q.Where(a => a.Entity == f.Entity.Trim());
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(a => a.EntityId == f.EntityId.Trim());
        if (f.From is { } from) { var t = DateTime.SpecifyKind(time.Utc(from.ToDateTime(TimeOnly.MinValue)), DateTimeKind.Utc); q = q.Where(a => a.At >= t); }
        if (f.To is { } to) { var t = DateTime.SpecifyKind(time.Utc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)), DateTimeKind.Utc); q = q.Where(a => a.At < t); }

        var total = await q.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await q.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.Seq, a.At, a.Actor, a.Ip, a.Action, a.Entity, a.EntityId, a.Before, a.After, a.Reason))
            .ToListAsync(ct);
        return new AuditPage(total, page, PageSize, rows);
    }
}
