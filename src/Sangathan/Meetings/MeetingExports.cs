using System.Globalization;
using System.Runtime.CompilerServices;
using Sangathan.Audit;
using Sangathan.Import;

namespace Sangathan.Meetings;

/// <summary>The reports as .xlsx, written by the import's own writer (cells as text, never formulas). Each download is audited.</summary>
public sealed class MeetingExports(GetMeeting meetings, MeetingReports reports, MeetingZone zone, AuditLog audit)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The per-unit report; false when the caller may not read the unit.</summary>
    public async Task<bool> UnitAsync(int unitId, string? level, Stream output, Action<string> name, CancellationToken ct)
    {
        if (await reports.UnitAsync(unitId, level, ct) is not { } r) return false;
        await audit.RecordAsync(new AuditDraft("export", "Unit", unitId.ToString(CultureInfo.InvariantCulture), After: "{\"file\":\"meetings.xlsx\"}"), ct);
        name($"meetings-{unitId}-{r.ThisMonth}.xlsx");
        await XlsxWriter.WriteAsync(output, "Meetings", UnitRows(r), ct);
        return true;
    }

    static async IAsyncEnumerable<IReadOnlyList<string?>> UnitRows(UnitReport r)
    {
        await Task.CompletedTask;
        var inv = CultureInfo.InvariantCulture;
        yield return ["Unit", "Unit (Hindi)", "Level", "Meetings this month", "Meetings in 12 months", "Invited", "Came", "Attendance %", "Average attendance", "Last meeting (UTC)"];
        foreach (var u in r.Units)
            yield return [u.NameEn, u.NameHi, u.LevelEn, u.ThisMonth.ToString(inv), u.Year.ToString(inv), u.Invited.ToString(inv), u.Came.ToString(inv),
                u.Rate?.ToString(inv), u.Average?.ToString("0.0", inv), u.Last?.ToString("yyyy-MM-dd HH:mm", inv)];
        yield return [];
        yield return ["Month", "", "", "Meetings", "", "Invited", "Came", "Attendance %"];
        foreach (var m in r.Months)
            yield return [$"{m.Month / 100}-{m.Month % 100:00}", "", "", m.Meetings.ToString(inv), "", m.Invited.ToString(inv), m.Came.ToString(inv), m.Rate?.ToString(inv)];
    }

    /// <summary>One meeting's attendance: who was invited, their answer, when they came and how.</summary>
    public async Task<bool> MeetingAsync(int id, Stream output, Action<string> name, CancellationToken ct)
    {
        if (await meetings.RunAsync(id, ct) is not { } m) return false;
        await audit.RecordAsync(new AuditDraft("export", nameof(Meeting), id.ToString(CultureInfo.InvariantCulture), After: "{\"file\":\"attendance.xlsx\"}"), ct);
        name($"meeting-{id}-attendance.xlsx");
        await XlsxWriter.WriteAsync(output, "Attendance", AttendeeRows(id, ct), ct);
        return true;
    }

    async IAsyncEnumerable<IReadOnlyList<string?>> AttendeeRows(int id, [EnumeratorCancellation] CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return ["Name", "Name (Hindi)", "Kind", "Booth", "Invited", "Answer", "Came at (local)", "Late", "How", "Reason"];
        long? after = null;
        do
        {
            var page = (await meetings.AttendeesAsync(id, after, false, ct))!;
            foreach (var a in page.Items)
                yield return [a.NameEn, a.NameHi, a.Kind, a.Post, a.Invited ? "yes" : "no", a.Answer?.ToString(),
                    a.ArrivedAt is { } at ? zone.Local(at).ToString("yyyy-MM-dd HH:mm", inv) : null, a.Late ? "late" : null, a.How?.ToString(), a.Reason];
            after = page.Next;
        } while (after is not null);
    }
}
