using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;

namespace Sangathan.Broadcasts;

public sealed record TemplateView(int Id, int UnitId, string UnitNameEn, string UnitNameHi, string Name, string TextHi, string TextEn,
    string? SubjectHi, string? SubjectEn, string? SenderId, string? DltTemplateId, string? WhatsAppTemplate, DateTime SavedAt);

/// <summary>
/// The templates one may compose with for a unit: those saved at it or at a unit above it, where the caller may message
/// (a district president uses his district's, not the state's). Found by the unit's path prefixes, on the path index.
/// </summary>
public sealed class FindTemplates(AppDb db, Door door)
{
    /// <summary>Null with <paramref name="forbidden"/> false: no such unit (or not visible); true: visible, not theirs to message.</summary>
    public async Task<(IReadOnlyList<TemplateView>? List, bool Forbidden)> ForUnitAsync(int unitId, CancellationToken ct)
    {
        var unit = await door.UnitAsync(unitId, Operations.Message, ct);
        if (unit.Refused) return (null, !unit.Missing);
        var path = unit.Resource!.Path;
        var above = Enumerable.Range(0, path.Length).Where(i => path[i] == '/').Select(i => path[..(i + 1)]).ToList();
        // Of the units above, only those the caller may message too.
        var units = (await door.ReachAsync(ct)).UnitsTo(Operations.Message).Where(u => above.Contains(u.Path));
        return ((await Views(db.MessageTemplates.AsNoTracking(), units).ToListAsync(ct)).Select(f => f.View).ToList(), false);
    }

    public async Task<(TemplateView? View, bool Forbidden)> OneAsync(int id, CancellationToken ct)
    {
        var found = await Views(db.MessageTemplates.AsNoTracking().Where(t => t.Id == id), db.Units).FirstOrDefaultAsync(ct);
        var opened = await door.OpenAsync(found is null ? null : new UnitResource(found.View.UnitId, found.Path), Operations.Message, ct);
        return opened.Refused ? (null, !opened.Missing) : (found!.View, false);
    }

    static IQueryable<Found> Views(IQueryable<MessageTemplate> templates, IQueryable<Organization.Unit> units) =>
        from t in templates
        join u in units on t.UnitId equals u.Id
        orderby t.Name
        select new Found(u.Path, new TemplateView(t.Id, t.UnitId, u.NameEn, u.NameHi, t.Name, t.TextHi, t.TextEn, t.SubjectHi, t.SubjectEn,
            t.SenderId, t.DltTemplateId, t.WhatsAppTemplate, t.CreatedAt));

    sealed record Found(string Path, TemplateView View);
}
