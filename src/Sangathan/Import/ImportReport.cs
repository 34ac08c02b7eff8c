using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Import;

/// <summary>
/// The validation report as a spreadsheet in the reader's language: one line per problem (sheet, row, column,
/// value, problem), and one per row without any, so the rejected rows can be corrected and uploaded again.
/// It holds the file's names and mobiles, so each download is audited as an export, before its first byte.
/// </summary>
public sealed class ImportReport(AppDb db, Door door, AuditLog audit)
{
    public async Task<bool> WriteAsync(int id, Stream output, CancellationToken ct)
    {
        var visible = await ImportJobs.Visible(db, await door.CallerAsync(ct)).AnyAsync(j => j.Id == id, ct);
        if (!visible) return false;
        await audit.RecordAsync(new AuditDraft("export", nameof(ImportJob), id.ToString(CultureInfo.InvariantCulture),
            After: """{"file":"import-report.xlsx"}"""), ct);
        var rows = db.ImportRows.AsNoTracking().Where(r => r.JobId == id).OrderBy(r => r.Number).AsAsyncEnumerable();
        await XlsxWriter.WriteAsync(output, T("Report"), Lines(rows, ct), ct);
        return true;
    }

    async IAsyncEnumerable<IReadOnlyList<string?>> Lines(IAsyncEnumerable<ImportRowResult> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        yield return [T("Sheet"), T("Row"), T("Result"), T("Column"), T("Value"), T("Problem"), T("Row holds")];
        await foreach (var r in rows.WithCancellation(ct))
        {
            var result = OutcomeText(r.Done ?? r.Planned);
            var problems = GetImport.Problems(r.Problems);
            if (problems.Count == 0) yield return [r.Sheet, r.Number.ToString(), result, "", "", "", r.Summary];
            foreach (var p in problems) yield return [r.Sheet, r.Number.ToString(), result, p.Column, p.Value, p.Problem, r.Summary];
        }
    }

    public static string OutcomeText(RowOutcome outcome) => outcome switch
    {
        RowOutcome.Create => T("Create"),
        RowOutcome.Update => T("Update"),
        RowOutcome.Unchanged => T("Unchanged"),
        RowOutcome.Reject => T("Rejected"),
        _ => T("Duplicate"),
    };
}
