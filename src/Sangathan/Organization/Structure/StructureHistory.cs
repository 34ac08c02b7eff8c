using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;

namespace Sangathan.Organization;

/// <param name="Changes">Each field changed: its name, and its value before and after (empty when there was none).</param>
public sealed record StructureChange(DateTime At, string Actor, string Action, string Entity, string? EntityId,
    IReadOnlyList<FieldChange> Changes, string? Reason);

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>The latest changes to levels and posts, read from the audit log: who changed what, when, from what to what.</summary>
public sealed class StructureHistory(AppDb db)
{
    public const int Shown = 30;

    public async Task<IReadOnlyList<StructureChange>> RunAsync(CancellationToken ct)
    {
        string[] entities = [nameof(Level), nameof(Post)];
        var entries = await db.AuditEntries.AsNoTracking().Where(a => entities.Contains(a.Entity!))
            .OrderByDescending(a => a.Id).Take(Shown).ToListAsync(ct);
        return entries.Select(e => new StructureChange(e.At, e.Actor, e.Action, e.Entity!, e.EntityId, Fields(e.Before, e.After), e.Reason))
            .ToList();
    }

    static List<FieldChange> Fields(string? before, string? after)
    {
        var old = Read(before);
        var now = Read(after);
        return old.Keys.Union(now.Keys).Where(k => k is not ("Id" or "LevelId"))
            .Select(k => new FieldChange(k, old.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After).ToList();
    }

    static Dictionary<string, string?> Read(string? json) => json is null ? []
        : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!
            .ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString());
}
