using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.People;

public sealed record RevealInput(string? Reason);

public sealed record Contacts(string? Mobile, string? Email, string? VoterId);

/// <summary>
/// Shows masked personal data in full to the war room, for a stated reason, and writes who saw what
/// and why to the audit log before answering (DPDP Act 2023: access to personal data is accountable).
/// </summary>
public sealed class RevealContacts(AppDb db, Door door, AuditLog audit)
{
    public async Task<(Outcome Outcome, Contacts? Contacts)> RunAsync(int personId, RevealInput input, CancellationToken ct = default)
    {
        var opened = await door.PersonAsync(personId, Operations.Reveal, ct);
        if (opened.Refused) return (opened.Refusal, null);
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new Contacts(p.Mobile, p.Email, p.VoterId)).FirstAsync(ct);
        var reason = PersonRules.Clean(input.Reason);
        if (reason.Length is < 5 or > 500)
            return (Outcome.Fail(new FieldError("Reason", T("Give a reason of 5 to 500 characters for seeing this."))), null);

        await audit.RecordAsync(new AuditDraft("reveal", "Person", personId.ToString(), Reason: reason), ct);
        return (Outcome.Ok(personId), person);
    }
}
