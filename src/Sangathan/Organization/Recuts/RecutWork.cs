using Microsoft.EntityFrameworkCore;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Membership;

namespace Sangathan.Organization;

/// <summary>
/// What every re-cut does the same way, recording each step so it can be undone: members moved from a day on (their
/// counts follow), appointments carried to the new unit (ended the day before at the old one, begun on the day at the
/// new; one begun on or after the day moves whole), grants moved, units begun and ended. Then the seat counters of
/// every unit touched, and the rights of every person whose posts moved. One transaction, the caller's.
/// </summary>
public sealed class RecutWork(AppDb db, GrantsFollowPosts grants, IAuditActor actor, TimeProvider clock)
{
    Recut recut = null!;
    readonly List<(RecutStepKind Kind, long Target, long? Former)> steps = [];
    readonly List<Appointment> started = [];
    readonly List<MemberMoved> moved = [];
    readonly HashSet<int> touched = [];
    readonly HashSet<int> people = [];

    public DateOnly On => recut.On;
    public int Id => recut.Id;

    public async Task BeginAsync(RecutKind kind, DateOnly on, string reason, CancellationToken ct)
    {
        recut = new Recut { Kind = kind, On = on, Reason = reason, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Label };
        db.Recuts.Add(recut);
        await db.SaveChangesAsync(ct);
    }

    public void Step(RecutStepKind kind, long target, long? former = null) => steps.Add((kind, target, former));

    public void Touch(params int[] units) => touched.UnionWith(units);

    /// <summary>A unit made by this re-cut, from its day; saved so it has its id and path.</summary>
    public async Task<Unit> StartUnitAsync(Unit like, Unit parent, string code, string nameEn, string nameHi, int? partNumber, CancellationToken ct)
    {
        var unit = new Unit
        {
            Code = code, NameEn = nameEn, NameHi = nameHi, NameKey = People.PersonRules.KeyOf(nameEn), LevelId = like.LevelId,
            Depth = like.Depth, ParentId = parent.Id, AssemblyConstituencyId = like.AssemblyConstituencyId, PartNumber = partNumber,
            RegionId = like.RegionId, From = recut.On,
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        unit.Path = UnitRules.PathOf(parent.Path, unit.Id);
        await db.SaveChangesAsync(ct);
        Step(RecutStepKind.UnitStarted, unit.Id);
        Touch(unit.Id);
        return unit;
    }

    /// <summary>The unit ends the day before the re-cut's day.</summary>
    public void EndUnit(Unit unit)
    {
        unit.Until = recut.On.AddDays(-1);
        Step(RecutStepKind.UnitEnded, unit.Id);
        Touch(unit.Id);
    }

    /// <summary>Moves these members to the booth, as of the re-cut's day; returns how many moved.</summary>
    public async Task<int> MoveMembersAsync(IReadOnlyCollection<int> memberIds, int toBooth, CancellationToken ct)
    {
        var count = 0;
        foreach (var chunk in memberIds.Chunk(500))
        {
            var members = await db.Members.Where(m => chunk.Contains(m.Id) && m.BoothId != toBooth).ToListAsync(ct);
            foreach (var m in members)
            {
                db.MemberMoves.Add(new MemberMove { RecutId = recut.Id, MemberId = m.Id, FromBoothId = m.BoothId, ToBoothId = toBooth, On = recut.On });
                moved.Add(new MemberMoved(m.BoothId, toBooth, m));
                Touch(m.BoothId, toBooth);
                m.BoothId = toBooth;
                count++;
            }
        }
        return count;
    }

    /// <summary>Carries an appointment to another unit from the re-cut's day.</summary>
    public void MoveAppointment(Appointment a, int toUnit)
    {
        Touch(a.UnitId, toUnit);
        people.Add(a.PersonId);
        if (a.From >= recut.On)
        {
            Step(RecutStepKind.AppointmentMoved, a.Id, a.UnitId);
            a.UnitId = toUnit;
            return;
        }
        EndAppointment(a);
        var next = new Appointment { UnitId = toUnit, PostId = a.PostId, PersonId = a.PersonId, From = recut.On };
        db.Appointments.Add(next);
        started.Add(next);
    }

    /// <summary>Ends an appointment the day before the re-cut's day, for its reason (a seat the merged booth does not have).</summary>
    public void EndAppointment(Appointment a)
    {
        Touch(a.UnitId);
        people.Add(a.PersonId);
        a.Until = recut.On.AddDays(-1);
        a.EndReason = recut.Reason;
        Step(RecutStepKind.AppointmentEnded, a.Id);
    }

    public void MoveGrant(Membership.Grant g, int toUnit)
    {
        Step(RecutStepKind.GrantMoved, g.Id, g.UnitId);
        Touch(g.UnitId, toUnit);
        g.UnitId = toUnit;
    }

    /// <summary>Records how a unit stood until the day before, then lets the caller change it.</summary>
    public async Task ChangeUnitAsync(Unit unit, CancellationToken ct)
    {
        var history = UnitHistory.Of(unit, recut.On.AddDays(-1), recut.Id);
        db.UnitHistory.Add(history);
        await db.SaveChangesAsync(ct);
        Step(RecutStepKind.UnitChanged, unit.Id, history.Id);
        Touch(unit.Id);
    }

    public async Task<Recut> FinishAsync(string summary, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var a in started) Step(RecutStepKind.AppointmentStarted, a.Id);
        db.RecutSteps.AddRange(steps.Select(s => new RecutStep { RecutId = recut.Id, Kind = s.Kind, Target = s.Target, Former = s.Former }));
        recut.Summary = summary.Length <= 1000 ? summary : summary[..1000];
        await db.SaveChangesAsync(ct);
        await TallyShift.MembersAsync(db, moved, ct);
        await UnitTally.RecountAsync(db, touched, ct);
        foreach (var person in people) await grants.AfterPostsChangedAsync(person, ct);
        return recut;
    }
}
