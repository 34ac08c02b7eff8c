using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Import;

/// <summary>
/// Takes an uploaded file: keeps it, finds its header row and columns (using a mapping remembered for files of
/// the same shape), and queues its check, or asks the uploader to map the columns it could not recognize.
/// </summary>
public sealed class StartImport(AppDb db, Door door, IAuditActor actor, ImportQueue queue, TimeProvider clock,
    IOptions<ImportOptions> options)
{
    public async Task<Outcome> RunAsync(string fileName, byte[] content, CancellationToken ct)
    {
        var access = await door.CallerAsync(ct);
        if (!access.ReachesAnywhere(Operations.Edit)) return Outcome.Denied();
        ImportLayout? layout;
        try
        {
            var top = TableReader.Read(content, options.Value).Take(20).ToList();
            if (top.Count == 0) return Fail("The file is empty.");
            var remembered = await RememberedAsync(top, ct);
            layout = ImportHeaders.Find(top, remembered);
            if (layout is null) return Fail("No header row was found: the first rows should name the columns (District, Booth, Name, Mobile ...).");
            if (!top.Any(r => r.Number > layout.HeaderRow && r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))))
                return Fail("The file has a header but no rows to import.");
        }
        catch (ImportFileException e)
        {
            return Fail(e.Message, e.Args);
        }
        var signature = ImportHeaders.Signature(layout.Columns.Select(c => c.Header));
        var job = new ImportJob
        {
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 200 } name ? name : "upload",
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)), FileBytes = content.Length,
            CreatedAt = clock.GetUtcNow(), ActorLabel = actor.Label, PersonId = access.PersonId, StaffId = access.StaffId,
            Roles = string.Join(",", access.Roles), HeaderSignature = signature, HeaderRow = layout.HeaderRow, Mapping = layout.ToJson(),
            State = layout.Unmapped.Any() ? ImportState.NeedsMapping : ImportState.Checking,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.ImportFiles.Add(new ImportFile { JobId = job.Id, Content = content });
        await db.SaveChangesAsync(ct);
        if (job.State == ImportState.Checking) queue.Enqueue(job.Id);
        return Outcome.Ok(job.Id);
    }

    /// <summary>Headers a user mapped before in a file of this shape, plus the tree's own level names.</summary>
    async Task<Dictionary<string, string>> RememberedAsync(List<TableRow> top, CancellationToken ct)
    {
        var map = new Dictionary<string, string>();
        foreach (var level in await db.Levels.AsNoTracking().Where(l => l.Depth > 0).ToListAsync(ct))
        {
            map[ImportHeaders.Key(level.NameEn)] = level.Key;
            map[ImportHeaders.Key(level.NameHi)] = level.Key;
        }
        var signatures = top.Select(r => ImportHeaders.Signature(r.Cells.Select(c => c.Trim()))).ToList();
        var saved = await db.ImportMappings.AsNoTracking().Where(m => signatures.Contains(m.Signature)).ToListAsync(ct);
        foreach (var m in saved)
            foreach (var (header, field) in JsonSerializer.Deserialize<Dictionary<string, string>>(m.Mapping)!)
                map[header] = field;
        return map;
    }

    static Outcome Fail(string message, params string[] args) => Outcome.Fail(new FieldError("File", T(message, args)));
}
