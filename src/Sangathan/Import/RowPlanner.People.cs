using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sangathan.Organization;
using Sangathan.People;
using Sangathan.Platform;

namespace Sangathan.Import;

internal sealed partial class RowPlanner
{
    async Task LoadPeopleAsync(List<RowPlan> plans, CancellationToken ct)
    {
        var mobiles = plans.Select(p => MobileOf(p.Record[Fields.Mobile]))
            .OfType<string>().Where(m => !peopleByMobile.ContainsKey(m)).Distinct().ToList();
        foreach (var batch in mobiles.Chunk(500))
            foreach (var person in await db.People.AsNoTracking().Where(p => batch.Contains(p.Mobile!)).ToListAsync(ct))
                peopleByMobile[person.Mobile!] = Known(person);

        var voterIds = plans.Select(p => PersonRules.NormalizeVoterId(p.Record[Fields.VoterId]))
            .OfType<string>().Where(v => !peopleByVoterId.ContainsKey(v)).Distinct().ToList();
        foreach (var batch in voterIds.Chunk(500))
            foreach (var person in await db.People.AsNoTracking().Where(p => batch.Contains(p.VoterId!)).ToListAsync(ct))
                peopleByVoterId[person.VoterId!] = Known(person);
        if (reach.Access.ReadsAll) return;

        // The file is matched against the whole state (a mobile or voter ID is one person wherever they serve), but
        // only the uploader's part of it may be named or changed: the rest is only known to be taken.
        var found = peopleByMobile.Values.Concat(peopleByVoterId.Values).Where(p => p.Id != 0).Select(p => p.Id).Distinct().ToList();
        var seen = new HashSet<int>();
        foreach (var batch in found.Chunk(500))
            seen.UnionWith(await reach.People.Where(p => batch.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct));
        outOfReach.UnionWith(found.Where(id => !seen.Contains(id)));
    }

    /// <summary>The one object for a person on record: changes a row plans are seen by every later row, whichever way it finds them.</summary>
    Person Known(Person person) => peopleById.TryGetValue(person.Id, out var same) ? same : peopleById[person.Id] = person;

    async Task LoadHoldersAsync(List<RowPlan> plans, CancellationToken ct)
    {
        var units = plans.Where(p => p.Unit is { Id: > 0 }).Select(p => p.Unit!.Id).Where(id => !holdersInDb.ContainsKey(id)).Distinct().ToList();
        foreach (var id in units) holdersInDb[id] = [];
        foreach (var batch in units.Chunk(500))
        {
            var rows = await db.Appointments.AsNoTracking().Where(a => batch.Contains(a.UnitId) && a.Until == null)
                .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { a.UnitId, a.PostId, Person = p })
                .ToListAsync(ct);
            foreach (var h in rows) holdersInDb[h.UnitId].Add((h.PostId, Known(h.Person)));
        }
    }

    /// <summary>A mobile however the sheet wrote it (Devanagari digits, Excel's scientific notation with every digit), in E.164.</summary>
    static string? MobileOf(string? text) =>
        text is null ? null : Numerals.Whole(text) is { Digits: { } digits } ? PersonRules.NormalizeMobile(digits) : PersonRules.NormalizeMobile(text);

    void ResolvePerson(RowPlan plan, bool included)
    {
        var r = plan.Record;
        // Each form of the name in its own script, whichever column it was typed in.
        var (givenEn, givenHi) = NameScripts.Sorted(r[Fields.NameEn], r[Fields.NameHi]);
        var mobileText = r[Fields.Mobile];
        if (givenEn is null && givenHi is null && mobileText is null)
        {
            if (r[Fields.Post] is not null) plan.Problem(Fields.Post, "The row names a post but no person for it.");
            return;
        }
        // Names come in either script; the one missing is generated from the other (Devanagari to Latin as names are written).
        var (nameEn, nameHi) = NameScripts.Complete(givenEn, givenHi);
        var key = PersonRules.KeyOf(nameEn);

        string? mobile = null;
        if (mobileText is not null)
        {
            var number = Numerals.Whole(mobileText);
            // Each message written out at its call, where the Hindi check finds it.
            if (number.Rounded)
            {
                plan.Problem(Fields.Mobile, "Excel turned this mobile into a rounded number: format the column as text and type it again.");
                return;
            }
            mobile = MobileOf(mobileText);
            if (mobile is null)
            {
                plan.Problem(Fields.Mobile, "Enter a 10-digit Indian mobile number.");
                return;
            }
            if (mobileText.Contains('E', StringComparison.OrdinalIgnoreCase))
                plan.Note(Fields.Mobile, "Read as {0}: Excel wrote it in scientific notation, with all its digits.", mobile);
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
            if (peopleByMobile.TryGetValue(mobile, out var known) && known.Id != 0 && !SameName(known, nameEn, nameHi))
            {
                plan.IsDuplicate = true;
                plan.Problem(Fields.Mobile, "{0} already has this mobile.", known.NameEn);
                return;
            }
        }
        if (voterId is not null && !included && VoterIdTaken(plan, voterId, key, nameEn, nameHi)) return;
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
        // A row without mobile or voter ID is the holder of this unit by that name, as a re-imported file's rows are.
        var person = byMobile ?? byVoterId ?? HolderByName(plan.Unit!, nameEn, nameHi, onRecord: mobile is null && voterId is null);
        if (person?.VoterId is { } recorded && voterId is not null && recorded != voterId)
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
            detailsFrom[person] = r.Number;
            if (mobile is not null) peopleByMobile[mobile] = person;
            if (voterId is not null) peopleByVoterId[voterId] = person;
        }
        else
        {
            if (!UpdatePerson(plan, person, r, givenEn, givenHi)) return;
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
    bool VoterIdTaken(RowPlan plan, string voterId, string key, string nameEn, string nameHi)
    {
        if (voterIdsSeen.TryGetValue(voterId, out var seen) && seen.NameKey != key)
        {
            plan.IsDuplicate = true;
            plan.Problem(Fields.VoterId, "Row {0} has the same voter ID under another name.", seen.Row.ToString(CultureInfo.InvariantCulture));
            return true;
        }
        if (peopleByVoterId.TryGetValue(voterId, out var known) && known.Id != 0 && !SameName(known, nameEn, nameHi))
        {
            plan.IsDuplicate = true;
            plan.Problem(Fields.VoterId, "{0} already has this voter ID.", known.NameEn);
            return true;
        }
        return false;
    }

    /// <summary>The same name in either script: what was written in one, or generated in it, matches what is on record.</summary>
    static bool SameName(Person person, string nameEn, string nameHi)
    {
        var en = Names.Key(nameEn);
        var hi = Names.Key(nameHi);
        return person.NameKey == PersonRules.KeyOf(nameEn) || (en.Length > 0 && Names.Key(person.NameEn) == en) || (hi.Length > 0 && Names.Key(person.NameHi) == hi);
    }

    /// <summary>
    /// The person of this name at this unit: one a row of this file planned there, or (for a row that gives no mobile
    /// or voter ID to go by) one holding a post there now.
    /// </summary>
    Person? HolderByName(Unit unit, string nameEn, string nameHi, bool onRecord)
    {
        if (holdersPlanned.TryGetValue(unit, out var planned) && planned.FirstOrDefault(h => SameName(h.Person, nameEn, nameHi)).Person is { } p) return p;
        if (!onRecord || unit.Id == 0 || !holdersInDb.TryGetValue(unit.Id, out var held)) return null;
        var named = held.Select(h => h.Person).Where(h => SameName(h, nameEn, nameHi)).Distinct().Take(2).ToList();
        // Two holders of one name at one unit: which one the row means is for a person to say, by a mobile.
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>
    /// Brings a person's details up to the row's, unless an earlier row of this file already did: then the first row's
    /// stay, and a differing row says so. Importing the same file again so finds every detail as it left it, whatever
    /// order the file names a person in. False when the row stops (an e-mail address no server would take).
    /// </summary>
    bool UpdatePerson(RowPlan plan, Person person, ImportRecord r, string? givenEn, string? givenHi)
    {
        var wanted = new List<(string Property, object? Value)>();
        void Want(string property, object? current, object? value)
        {
            if (value is not null && !Equals(value, current)) wanted.Add((property, value));
        }
        // A name someone wrote replaces one the import generated from the other script; a name written stays.
        if (givenHi is not null && givenHi != person.NameHi && NameScripts.Generated(person.NameEn, person.NameHi))
            Want(nameof(Person.NameHi), person.NameHi, givenHi);
        if (givenEn is not null && !NameScripts.IsIndic(givenEn) && givenEn != person.NameEn && NameScripts.Generated(person.NameEn, person.NameHi))
        {
            Want(nameof(Person.NameEn), person.NameEn, givenEn);
            Want(nameof(Person.NameKey), person.NameKey, PersonRules.KeyOf(givenEn));
        }
        if (r[Fields.Email] is { } email)
        {
            if (EmailRules.Normalize(email) is not { } address)
            {
                plan.Problem(Fields.Email, "Enter a valid e-mail address.");
                return false;
            }
            Want(nameof(Person.Email), person.Email, address);
        }
        foreach (var (field, property, max) in Details)
        {
            if (PersonRules.CleanOrNull(r[field]) is not { } value) continue;
            if (value.Length > max)
            {
                plan.Problem(field, "This is too long: at most {0} characters.", max.ToString(CultureInfo.InvariantCulture));
                return false;
            }
            Want(property, typeof(Person).GetProperty(property)!.GetValue(person), value);
        }
        // The first row naming the person in this file gives their details, whether they change anything or not.
        detailsFrom.TryAdd(person, r.Number);
        if (wanted.Count == 0) return true;
        if (detailsFrom[person] is var first && first != r.Number)
        {
            plan.Note("", "This row gives this person other details than row {0}; those of row {0} are kept.", first.ToString(CultureInfo.InvariantCulture));
            return true;
        }
        foreach (var (property, value) in wanted) Change(plan, person, property, value);
        return true;
    }

    static readonly (string Field, string Property, int Max)[] Details =
    [
        (Fields.Village, nameof(Person.Village), PersonRules.MaxText), (Fields.Jurisdiction, nameof(Person.Jurisdiction), PersonRules.MaxText),
        (Fields.Facebook, nameof(Person.Facebook), PersonRules.MaxLink), (Fields.X, nameof(Person.X), PersonRules.MaxLink),
        (Fields.Instagram, nameof(Person.Instagram), PersonRules.MaxLink), (Fields.YouTube, nameof(Person.YouTube), PersonRules.MaxLink),
        (Fields.WhatsApp, nameof(Person.WhatsApp), PersonRules.MaxLink),
    ];

    void PlanAppointment(RowPlan plan, Person person, string key)
    {
        var r = plan.Record;
        if (r[Fields.Post] is not { } written) return;
        var unit = plan.Unit!;
        var level = tree.Levels.First(l => l.Depth == unit.Depth);
        var wanted = Names.Key(written);
        var post = tree.PostsByLevel[level.Id].FirstOrDefault(p => Names.Key(p.Key) == wanted || Names.Key(p.NameEn) == wanted || Names.Key(p.NameHi) == wanted);
        if (post is null)
        {
            // Offered once to the administrator (the post editor), rather than only refused row after row.
            Propose(plan, ProposalKey(new System.Text.StringBuilder($"post:{level.Id}:{wanted}")), ProposalKind.NewPost, level, written, null, null);
            plan.Problem(Fields.Post, "A {0} has no post called {1}.", level, written);
            return;
        }
        plan.Post = post;

        // The same person in the same post of the same unit twice in the file: the second row is the first's duplicate.
        if (heldSeen.TryGetValue((unit, post.Id, person), out var firstRow))
        {
            plan.IsDuplicate = true;
            plan.Problem(Fields.Post, "Row {0} already puts this person in this post here.", firstRow.ToString(CultureInfo.InvariantCulture));
            return;
        }
        heldSeen[(unit, post.Id, person)] = r.Number;

        var inDb = unit.Id == 0 ? [] : holdersInDb.GetValueOrDefault(unit.Id) ?? [];
        var planned = holdersPlanned.TryGetValue(unit, out var list) ? list : holdersPlanned[unit] = [];
        if (person.Id != 0 && inDb.Any(h => h.PostId == post.Id && h.Person.Id == person.Id)) return;

        // The same name in the same post of the same unit, with another mobile, is likely the same person twice.
        if (inDb.Any(h => h.PostId == post.Id && h.Person.NameKey == key && h.Person.Id != person.Id)
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
        "Village" => Fields.Village, "DateOfBirth" => Fields.DateOfBirth, "VoterId" => Fields.VoterId, "YouTube" => Fields.YouTube,
        "WhatsApp" => Fields.WhatsApp, _ => personField.ToLowerInvariant(),
    };

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
        text = Numerals.Ascii(text.Trim());
        string[] formats = ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d/M/yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        // Excel keeps dates as days since 1899-12-30.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 80000)
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(Math.Floor(serial)));
        return null;
    }
}
