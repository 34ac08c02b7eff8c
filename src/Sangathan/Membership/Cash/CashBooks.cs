using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Membership;

/// <summary>One enroller's cash: what they took in fees, what they paid in, what they still owe.</summary>
public sealed record EnrollerCash(int PersonId, string NameEn, string NameHi, string Mobile, int CashMembers, int CollectedPaise, int DepositedPaise, int OwedPaise);

public sealed record Deposit(int Id, int AmountPaise, DateTime At, string? Note);

public sealed record EnrollerBook(EnrollerCash Cash, IReadOnlyList<Deposit> Deposits);

public sealed record DepositInput(int AmountPaise, string? Note);

/// <summary>
/// The war room's cash books: every enroller who took fees in cash, the largest debts first; one enroller's book with
/// the deposits; and a deposit recorded when an enroller pays the cash in. The enroller sees their own book.
/// </summary>
public sealed class CashBooks(AppDb db, Door door, IOptions<MembershipOptions> options, TimeProvider clock)
{
    public const int Shown = 100;
    const int MaxDepositPaise = 10_000_000; // Rs 1 lakh: one slip, one deposit

    /// <summary>Enrollers who still owe, the largest debt first (the war room's; null for anyone else).</summary>
    public async Task<IReadOnlyList<EnrollerCash>?> OwingAsync(CancellationToken ct)
    {
        if (!(await door.CallerAsync(ct)).EditsAll) return null;
        var cash = await db.Members.Where(m => m.Fee == FeeState.Cash && m.EnrolledById != null)
            .GroupBy(m => m.EnrolledById!.Value).Select(g => new { Id = g.Key, N = g.Count() }).ToListAsync(ct);
        var paid = await DepositedAsync(null, ct);
        var owing = cash.Select(c => (c.Id, c.N, Owed: c.N * options.Value.FeePaise - paid.GetValueOrDefault(c.Id)))
            .Where(c => c.Owed > 0).OrderByDescending(c => c.Owed).ThenBy(c => c.Id).Take(Shown).ToList();
        var ids = owing.Select(c => c.Id).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return owing.Select(c => Cash(people[c.Id], c.N, paid.GetValueOrDefault(c.Id))).ToList();
    }

    /// <summary>One enroller's book: the war room's for anyone, an enroller's for themselves.</summary>
    public async Task<EnrollerBook?> BookAsync(int? personId, CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        var id = personId ?? access.PersonId;
        if (id is null || (id != access.PersonId && !access.EditsAll)) return null;
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return null;
        var members = await db.Members.CountAsync(m => m.EnrolledById == id && m.Fee == FeeState.Cash, ct);
        var deposits = await db.CashDeposits.AsNoTracking().Where(d => d.EnrollerId == id).OrderByDescending(d => d.Id)
            .Select(d => new Deposit(d.Id, d.AmountPaise, d.At, d.Note)).ToListAsync(ct);
        return new(Cash(person, members, deposits.Sum(d => d.AmountPaise)), deposits);
    }

    /// <summary>The war room records cash an enroller paid in; never more than they owe.</summary>
    public async Task<Outcome> DepositAsync(int personId, DepositInput input, CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        if (!access.EditsAll) return Outcome.Denied();
        var book = await BookAsync(personId, ct);
        if (book is null) return Outcome.Missing();
        var note = PersonRules.CleanOrNull(input.Note);
        if (input.AmountPaise is <= 0 or > MaxDepositPaise)
            return Outcome.Fail(new FieldError("AmountPaise", T("Enter the amount paid in, in rupees.")));
        if (input.AmountPaise > book.Cash.OwedPaise)
            return Outcome.Fail(new FieldError("AmountPaise", T("That is more than this enroller owes (Rs {0}).", book.Cash.OwedPaise / 100m)));
        if (note is { Length: > 200 }) return Outcome.Fail(new FieldError("Note", T("This is too long: at most {0} characters.", 200)));
        var deposit = new CashDeposit
        {
            EnrollerId = personId, AmountPaise = input.AmountPaise, At = clock.GetUtcNow().UtcDateTime, Note = note,
            RecordedByStaffId = access.StaffId, RecordedByPersonId = access.StaffId is null ? access.PersonId : null,
        };
        db.CashDeposits.Add(deposit);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(deposit.Id);
    }

    async Task<Dictionary<int, int>> DepositedAsync(int? personId, CancellationToken ct) =>
        await db.CashDeposits.Where(d => personId == null || d.EnrollerId == personId).GroupBy(d => d.EnrollerId)
            .Select(g => new { g.Key, Sum = g.Sum(d => d.AmountPaise) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);

    EnrollerCash Cash(Person p, int members, int deposited)
    {
        var collected = members * options.Value.FeePaise;
        return new(p.Id, p.NameEn, p.NameHi, p.Mobile is { } m ? PersonRules.Mask(m) : "", members, collected, deposited, collected - deposited);
    }
}
