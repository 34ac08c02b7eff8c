using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sangathan.Organization;
using Sangathan.People;

namespace Sangathan.Import;

internal sealed partial class RowPlanner
{
    async Task LoadPeopleAsync(List<RowPlan> plans, CancellationToken ct)
    {
        var mobiles = plans.Select(p => PersonRules.NormalizeMobile(p.Record[Fields.Mobile]))
            .OfType<string>().Where(m => !peopleByMobile.ContainsKey(m)).Distinct().ToList();
        foreach (var batch in mobiles.Chunk(500))
            foreach (var person in await db.People.AsNoTracking().Where(p => batch.Contains(p.Mobile!)).ToListAsync(ct))
                peopleByMobile[person.Mobile!] = person;

        var voterIds = plans.Select(p => PersonRules.NormalizeVoterId(p.Record[Fields.VoterId]))
            .OfType<string>().Where(v => !peopleByVoterId.ContainsKey(v)).Distinct().ToList();
        foreach (var batch in voterIds.Chunk(500))
            foreach (var person in await db.People.AsNoTracking().Where(p => batch.Contains(p.VoterId!)).ToListAsync(ct))
                peopleByVoterId[person.VoterId!] = peopleByMobile.GetValueOrDefault(person.Mobile ?? "") ?? person;
        if (reach.Access.ReadsAll) return;

        // The file is matched against the whole state (a mobile or voter ID is one person wherever they serve), but
        // only the uploader's part of it may be named or changed: the rest is only known to be taken.
        var found = peopleByMobile.Values.Concat(peopleByVoterId.Values).Where(p => p.Id != 0).Select(p => p.Id).Distinct().ToList();
        var seen = new HashSet<int>();
        foreach (var batch in found.Chunk(500))
            seen.UnionWith(await reach.People.Where(p => batch.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct));
        outOfReach.UnionWith(found.Where(id => !seen.Contains(id)));
    }

    async Task LoadHoldersAsync(List<RowPlan> plans, CancellationToken ct)
    {
        var units = plans.Where(p => p.Unit is { Id: > 0 }).Select(p => p.Unit!.Id).Where(id => !holdersInDb.ContainsKey(id)).Distinct().ToList();
        foreach (var id in units) holdersInDb[id] = [];
        foreach (var batch in units.Chunk(500))
        {
            var rows = await db.Appointments.AsNoTracking().Where(a => batch.Contains(a.UnitId) && a.Until == null)
                .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { a.UnitId, a.PostId, a.PersonId, p.NameKey })
                .ToListAsync(ct);
            foreach (var h in rows) holdersInDb[h.UnitId].Add((h.PostId, h.PersonId, h.NameKey));
        }
    }

    void ResolvePerson(RowPlan plan, bool included)
    {
        var r = plan.Record;
        var nameEn = PersonRules.CleanOrNull(r[Fields.NameEn]);
        var nameHi = PersonRules.CleanOrNull(r[Fields.NameHi]);
        var mobileText = r[Fields.Mobile];
        if (nameEn is null && nameHi is null && mobileText is null)
        {
            if (r[Fields.Post] is not null) plan.Problem(Fields.Post, "The row names a post but no person for it.");
            return;
        }
        // Names come in either script; the one missing takes the other until someone writes it.
        nameEn ??= nameHi;
        nameHi ??= nameEn;
        var key = PersonRules.KeyOf(nameEn!);

        string? mobile = null;
        if (mobileText is not null)
        {
            mobile = PersonRules.NormalizeMobile(mobileText);
            if (mobile is null)
            {
                // Each message written out at its call, where the Hindi check finds it.
                if (ExcelRounded(mobileText))
                    plan.Problem(Fields.Mobile, "Excel turned this mobile into a rounded number: format the column as text and type it again.");
                else plan.Problem(Fields.Mobile, "Enter a 10-digit Indian mobile number.");
                return;
            }
        }

        string? voterId = null;
        if (r[Fields.VoterId] is { } voterIdText)
        {
            voterId = PersonRules.NormalizeVoterId(voterIdText);
            if (voterId is null)
            {
                plan.Problem(Fields.VoterId, "A voter ID (EPIC) is three letters and seven digits, like ABC1234567.");
                return;
            }
        }

        if (mobile is not null && peopleByMobile.TryGetValue(mobile, out var owner) && outOfReach.Contains(owner.Id))
        {
            plan.Problem(Fields.Mobile, "This mobile number is on record for someone outside your part of the organization.");
            return;
        }
        if (voterId is not null && peopleByVoterId.TryGetValue(voterId, out var holder) && outOfReach.Contains(holder.Id))
        {
            plan.Problem(Fields.VoterId, "This voter ID is on record for someone outside your part of the organization.");
            return;
        }

        // The same mobile under another name, in the file or in the database, is for a person to decide.
        if (mobile is not null && !included)
        {
            if (mobilesSeen.TryGetValue(mobile, out var seen) && seen.NameKey != key)
            {
                plan.IsDuplicate = true;
                plan.Problem(Fields.Mobile, "Row {0} has the same mobile under another name.", seen.Row.ToString(CultureInfo.InvariantCulture));
                return;
            }
            if (peopleByMobile.TryGetValue(mobile, out var known) && known.NameKey != key && known.Id != 0)
            {
                plan.IsDuplicate = true;
                plan.Problem(Fields.Mobile, "{0} already has this mobile.", known.NameEn);
                return;
            }
        }
        if (voterId is not null && !included && VoterIdTaken(plan, voterId, key)) return;
        if (mobile is not null) mobilesSeen.TryAdd(mobile, (r.Number, key));
        if (voterId is not null) voterIdsSeen.TryAdd(voterId, (r.Number, key));

        var byMobile = mobile is not null ? peopleByMobile.GetValueOrDefault(mobile) : null;
        var byVoterId = voterId is not null ? peopleByVoterId.GetValueOrDefault(voterId) : null;
        // One person's mobile with another's voter ID (or with a voter ID other than the one on record) cannot be
        // settled by a choice to import it anyway: the row is wrong and goes back for correction.
        if (byMobile is not null && byVoterId is not null && !ReferenceEquals(byMobile, byVoterId))
        {
            plan.Problem(Fields.VoterId, "This voter ID is {0}'s, but the mobile is {1}'s.", byVoterId.NameEn, byMobile.NameEn);
            return;
        }
        var person = byMobile ?? byVoterId ?? HolderByName(plan.Unit!, key);
        if (person?.VoterId is { } onRecord && voterId is not null && onRecord != voterId)
        {
            plan.Problem(Fields.VoterId, "{0} already has another voter ID.", person.NameEn);
            return;
        }
        if (person is null)
        {
            var (clean, errors) = PersonValidation.Check(new PersonInput(nameEn, nameHi, mobile, r[Fields.Email], r[Fields.Village],
                r[Fields.Jurisdiction], r[Fields.Facebook], r[Fields.X], r[Fields.Instagram], r[Fields.YouTube], r[Fields.WhatsApp],
                ParseGender(r[Fields.Gender]), ParseDate(r[Fields.DateOfBirth]), voterId), TimeProvider.System);
            foreach (var e in errors) plan.Problems.Add(new RowProblem(r.Column(FieldOf(e.Field)), r[FieldOf(e.Field)], e.Message));
            if (errors.Count > 0) return;
            person = clean;
            plan.NewPerson = true;
            if (mobile is not null) peopleByMobile[mobile] = person;
            if (voterId is not null) peopleByVoterId[voterId] = person;
        }
        else
        {
            UpdatePerson(plan, person, r);
            if (voterId is not null && person.VoterId is null)
            {
                Change(plan, person, nameof(Person.VoterId), voterId);
                peopleByVoterId[voterId] = person;
            }
        }
        plan.Person = person;
        PlanAppointment(plan, person, key);
    }

    /// <summary>The same voter ID under another name, in the file or in the database: for a person to decide.</summary>
    bool VoterIdTaken(RowPlan plan, string voterId, string key)
    {
        if (voterIdsSeen.TryGetValue(voterId, out var seen) && seen.NameKey != key)
        {
            plan.IsDuplicate = true;
            plan.Problem(Fields.VoterId, "Row {0} has the same voter ID under another name.", seen.Row.ToString(CultureInfo.InvariantCulture));
            return true;
        }
        if (peopleByVoterId.TryGetValue(voterId, out var known) && known.NameKey != key && known.Id != 0)
        {
            plan.IsDuplicate = true;
            plan.Problem(Fields.VoterId, "{0} already has this voter ID.", known.NameEn);
            return true;
        }
        return false;
    }

    Person? HolderByName(Unit unit, string key)
    {
        if (holdersPlanned.TryGetValue(unit, out var planned) && planned.FirstOrDefault(h => h.Person.NameKey == key).Person is { } p) return p;
        return null;
    }

    void UpdatePerson(RowPlan plan, Person person, ImportRecord r)
    {
        void Set(string field, string property, string? current)
        {
            if (r[field] is { } value && PersonRules.Clean(value) is var clean && clean != current) Change(plan, person, property, clean);
        }
        if (r[Fields.NameHi] is not null && person.NameHi == person.NameEn) Set(Fields.NameHi, nameof(Person.NameHi), person.NameHi);
        Set(Fields.Email, nameof(Person.Email), person.Email);
        Set(Fields.Village, nameof(Person.Village), person.Village);
        Set(Fields.Jurisdiction, nameof(Person.Jurisdiction), person.Jurisdiction);
    }

    void PlanAppointment(RowPlan plan, Person person, string key)
    {
        var r = plan.Record;
        if (r[Fields.Post] is not { } written) return;
        var unit = plan.Unit!;
        var level = tree.Levels.First(l => l.Depth == unit.Depth);
        var wanted = Names.Key(written);
        var post = tree.PostsByLevel[level.Id].FirstOrDefault(p => Names.Key(p.Key) == wanted || Names.Key(p.NameEn) == wanted || Names.Key(p.NameHi) == wanted);
        if (post is null) { plan.Problem(Fields.Post, "A {0} has no post called {1}.", level, written); return; }
        plan.Post = post;

        var inDb = unit.Id == 0 ? [] : holdersInDb.GetValueOrDefault(unit.Id) ?? [];
        var planned = holdersPlanned.TryGetValue(unit, out var list) ? list : holdersPlanned[unit] = [];
        var holds = (person.Id != 0 && inDb.Any(h => h.PostId == post.Id && h.PersonId == person.Id))
            || planned.Any(h => h.PostId == post.Id && ReferenceEquals(h.Person, person));
        if (holds) return;

        // The same name in the same post of the same unit, with another mobile or none, is likely the same person twice.
        if (inDb.Any(h => h.PostId == post.Id && h.NameKey == key && h.PersonId != person.Id)
            || holdersSeen.ContainsKey((unit, post.Id, key)))
        {
            plan.IsDuplicate = true;
            plan.Problem(Fields.NameEn, "Someone of this name already holds this post here.");
            return;
        }
        var filled = inDb.Count(h => h.PostId == post.Id) + planned.Count(h => h.PostId == post.Id);
        if (filled >= post.Seats) { plan.Problem(Fields.Post, "Every seat of this post is filled: end an appointment first."); return; }

        var from = r[Fields.From] is { } f ? ParseDate(f) : today;
        if (from is null || from > today) { plan.Problem(Fields.From, "This is not a date in the past."); return; }
        plan.From = from.Value;
        plan.NewAppointment = true;
        planned.Add((post.Id, person));
        holdersSeen[(unit, post.Id, key)] = r.Number;
    }

    static string FieldOf(string personField) => personField switch
    {
        "NameEn" => Fields.NameEn, "NameHi" => Fields.NameHi, "Mobile" => Fields.Mobile, "Email" => Fields.Email,
        "Village" => Fields.Village, "DateOfBirth" => Fields.DateOfBirth, "VoterId" => Fields.VoterId, _ => personField.ToLowerInvariant(),
    };

    /// <summary>"9.829E+09": what Excel shows for a long number in a column not formatted as text.</summary>
    static bool ExcelRounded(string written) =>
        written.Contains('E', StringComparison.OrdinalIgnoreCase) && written.Contains('+');

    internal static Gender ParseGender(string? text) => Names.Key(text) switch
    {
        "m" or "male" or "पुरुष" or "पु" => Gender.Male,
        "f" or "female" or "महिला" or "स्त्री" or "म" => Gender.Female,
        "other" or "अन्य" => Gender.Other,
        _ => Gender.Unspecified,
    };

    internal static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] formats = ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d/M/yyyy", "d-M-yyyy", "dd.MM.yyyy"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // Excel keeps dates as days since 1899-12-30.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 80000)
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(Math.Floor(serial)));
        return null;
    }
}
