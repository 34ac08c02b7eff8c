using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Broadcasts;

/// <summary>How someone wants broadcasts: the channel first tried, the language, and whether they want none at all.</summary>
public sealed record PreferencesInput(Channel? PreferredChannel, string? Language, bool OptedOut);

/// <summary>
/// Records a person's or a member's messaging preferences: by the person themselves, or by whoever may edit them (for a
/// member, whoever edits their booth). An opt-out stops every broadcast not yet handed over to a gateway.
/// </summary>
public sealed class SetPreferences(AppDb db, Door door, TimeProvider clock)
{
    public async Task<Outcome> PersonAsync(int id, PreferencesInput input, CancellationToken ct)
    {
        var seen = await door.PersonAsync(id, Operations.Read, ct);
        if (seen.Refused) return seen.Refusal;
        if ((await door.CallerAsync(ct)).PersonId != id && !await door.AllowsAsync(seen.Resource!, Operations.Edit, ct)) return Outcome.Denied();
        if (Problem(input) is { } problem) return Outcome.Fail(problem);
        var person = await db.People.FirstAsync(p => p.Id == id, ct);
        person.PreferredChannel = input.PreferredChannel;
        person.Language = input.Language ?? person.Language;
        person.OptedOutAt = input.OptedOut ? person.OptedOutAt ?? Sql.Utc(clock) : null;
        await db.SaveChangesAsync(ct);
        if (input.OptedOut) await Stop(RecipientKind.Person, id, ct);
        return Outcome.Ok(id);
    }

    public async Task<Outcome> MemberAsync(int id, PreferencesInput input, CancellationToken ct)
    {
        var found = await db.Members.Where(m => m.Id == id).Join(db.Units, m => m.BoothId, u => u.Id, (m, u) => new { m, u.Path }).FirstOrDefaultAsync(ct);
        // A member's preferences are kept by whoever edits their booth: the booth is opened for editing.
        var booth = await door.OpenAsync(found is null ? null : new UnitResource(found.m.BoothId, found.Path), Operations.Edit, ct);
        if (booth.Refused) return booth.Refusal;
        var member = found!.m;
        if (input.PreferredChannel == Channel.Email) return Outcome.Fail(new FieldError("PreferredChannel", T("A member is reached on their mobile: SMS or WhatsApp.")));
        if (Problem(input) is { } problem) return Outcome.Fail(problem);
        member.PreferredChannel = input.PreferredChannel;
        member.Language = input.Language ?? member.Language;
        member.OptedOutAt = input.OptedOut ? member.OptedOutAt ?? Sql.Utc(clock) : null;
        await db.SaveChangesAsync(ct);
        if (input.OptedOut) await Stop(RecipientKind.Member, id, ct);
        return Outcome.Ok(id);
    }

    static FieldError? Problem(PreferencesInput input) =>
        input.Language is { } l && !BroadcastRules.Languages.Contains(l) ? new FieldError("Language", T("Choose Hindi or English."))
        : input.PreferredChannel is { } c && !Enum.IsDefined(c) ? new FieldError("PreferredChannel", T("This value is not valid."))
        : null;

    /// <summary>Whatever is still queued for them is cancelled at once, in every broadcast.</summary>
    Task<int> Stop(RecipientKind kind, int id, CancellationToken ct) =>
        db.BroadcastMessages.Where(m => m.RecipientKind == kind && m.RecipientId == id && m.Status == MessageStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Cancelled).SetProperty(m => m.Error, "Opted out."), ct);
}
