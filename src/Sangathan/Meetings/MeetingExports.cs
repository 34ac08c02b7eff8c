using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Import;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

public enum ExportAnswer { Written, Missing, Forbidden }

/// <summary>
/// The reports as .xlsx, by the export's own writer (cells as text, never formulas), for those who may export the unit
/// or the meeting (<see cref="Operations.Export"/>): a bulk download of names is an export whatever it is about. Each is
/// audited before its first byte goes out; headers follow the reader's language, as the other exports' do.
/// </summary>
public sealed class MeetingExports(AppDb db, Door door, GetMeeting meetings, MeetingReports reports, MeetingZone zone, AuditLog audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<ExportAnswer> UnitAsync(int unitId, string? level, Stream output, Action<string> name, CancellationToken ct)
    {
        if (Refused(await door.UnitAsync(unitId, Operations.Export, ct)) is { } refused) return refused;
        if (await reports.UnitAsync(unitId, level, false, ct) is not { } r) return ExportAnswer.Missing;
        await audit.RecordAsync(new AuditDraft("export", "Unit", unitId.ToString(CultureInfo.InvariantCulture), After: "{\"file\":\"meetings.xlsx\"}"), ct);
        name($"meetings-{unitId}-{r.ThisMonth}.xlsx");
        await XlsxWriter.WriteAsync(output, "Meetings", UnitRows(r), ct);
        return ExportAnswer.Written;
    }

    public async Task<ExportAnswer> MeetingAsync(int id, Stream output, Action<string> name, CancellationToken ct)
    {
        var found = await FindMeeting.RunAsync(db, id, tracked: false, ct);
        if (Refused(await door.OpenAsync(found?.Resource, Operations.Export, ct)) is { } refused) return refused;
        await audit.RecordAsync(new AuditDraft("export", nameof(Meeting), id.ToString(CultureInfo.InvariantCulture), After: "{\"file\":\"attendance.xlsx\"}"), ct);
        name($"meeting-{id}-attendance.xlsx");
        await XlsxWriter.WriteAsync(output, "Attendance", AttendeeRows(id, ct), ct);
        return ExportAnswer.Written;
    }

    static ExportAnswer? Refused<T>(Opened<T> opened) where T : class =>
        !opened.Refused ? null : opened.Missing ? ExportAnswer.Missing : ExportAnswer.Forbidden;

    static async IAsyncEnumerable<IReadOnlyList<string?>> UnitRows(UnitReport r)
    {
        await Task.CompletedTask;
        var inv = CultureInfo.InvariantCulture;
        yield return [T("Unit"), T("Unit (Hindi)"), T("Level"), T("Meetings this month"), T("Meetings in 12 months"), T("Invited"), T("Came"),
            T("Attendance %"), T("Average attendance"), T("Last meeting (UTC)")];
        foreach (var u in r.Units)
            yield return [u.NameEn, u.NameHi, Name(u.LevelEn, u.LevelHi), u.ThisMonth.ToString(inv), u.Year.ToString(inv), u.Invited.ToString(inv),
                u.Came.ToString(inv), u.Rate?.ToString(inv), u.Average?.ToString("0.0", inv), u.Last?.ToString("yyyy-MM-dd HH:mm", inv)];
        yield return [];
        yield return [T("Month"), "", "", T("Meetings"), "", T("Invited"), T("Came"), T("Attendance %")];
        foreach (var m in r.Months)
            yield return [$"{m.Month / 100}-{m.Month % 100:00}", "", "", m.Meetings.ToString(inv), "", m.Invited.ToString(inv), m.Came.ToString(inv), m.Rate?.ToString(inv)];
    }

    async IAsyncEnumerable<IReadOnlyList<string?>> AttendeeRows(int id, [EnumeratorCancellation] CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return [T("Name"), T("Name (Hindi)"), T("Kind"), T("Booth"), T("Invited"), T("Answer"), T("Came at"), T("Late"), T("How"), T("Reason")];
        long? after = null;
        do
        {
            var page = (await meetings.AttendeesAsync(id, after, false, ct))!;
            foreach (var a in page.Items)
                yield return [a.NameEn, a.NameHi, a.Kind == "person" ? T("Office bearer") : T("Member"), a.Post, a.Invited ? T("Yes") : T("No"),
                    MeetingWords.Answer(a.Answer), a.ArrivedAt is { } at ? zone.Local(at).ToString("yyyy-MM-dd HH:mm", inv) : null,
                    a.Late ? T("Late") : null, MeetingWords.How(a.How), a.Reason];
            after = page.Next;
        } while (after is not null);
    }
}
