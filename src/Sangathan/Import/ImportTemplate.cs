using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Import;

public enum TemplateKind { Units, People, Appointments }

/// <summary>Empty files to fill in, each header in English and Hindi ("Mobile / मोबाइल"), with the tree's own levels.</summary>
public sealed class ImportTemplate(AppDb db)
{
    public async Task WriteAsync(TemplateKind kind, Stream output, CancellationToken ct)
    {
        var levels = await db.Levels.AsNoTracking().Where(l => l.Depth > 0).OrderBy(l => l.Depth)
            .Select(l => new { l.NameEn, l.NameHi }).ToListAsync(ct);
        var levelHeaders = levels.Select(l => $"{l.NameEn} / {l.NameHi}");
        string[] fields = kind switch
        {
            TemplateKind.Units => [Fields.UnitCode, Fields.UnitNameEn, Fields.UnitNameHi, Fields.Constituency, Fields.PartNumber],
            TemplateKind.People => [Fields.NameEn, Fields.NameHi, Fields.Mobile, Fields.Email, Fields.Village, Fields.Jurisdiction,
                Fields.VoterId, Fields.Gender, Fields.DateOfBirth, Fields.Facebook, Fields.X, Fields.Instagram, Fields.YouTube, Fields.WhatsApp],
            _ => [Fields.Post, Fields.NameEn, Fields.NameHi, Fields.Mobile, Fields.Email, Fields.Village, Fields.From],
        };
        var headers = (kind == TemplateKind.People ? [] : levelHeaders)
            .Concat(fields.Select(f => $"{ImportHeaders.Labels[f].En} / {ImportHeaders.Labels[f].Hi}")).ToList<string?>();
        IReadOnlyList<string?>[] rows = [headers];
        await XlsxWriter.WriteAsync(output, kind.ToString(), rows.ToAsyncEnumerable(), ct);
    }
}
