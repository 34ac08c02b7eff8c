using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Data;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <param name="Key">A new post's key (a-z, 0-9, '-'): import files and settings name posts by it, so it never changes.</param>
/// <param name="Rank">Display order among the level's posts; the lowest heads the unit. Left empty, a new post goes last.</param>
public sealed record PostInput(string? Key, string? NameEn, string? NameHi, int? Seats, int? Rank);

/// <summary>
/// The state administrator adds a post to a level or changes one (names, seats, order). A change of seats recounts
/// every unit of the level, so completeness stays right; the audit log keeps each change with what it was before.
/// </summary>
public sealed class SavePost(AppDb db, Door door)
{
    public const int MaxSeats = 500;
    public const int MaxKey = 32;
    public const int MaxName = 100;

    public async Task<Outcome> AddAsync(int levelId, PostInput input, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).IsAdmin) return Outcome.Denied();
        if (!await db.Levels.AnyAsync(l => l.Id == levelId, ct)) return Outcome.Missing();
        var key = (input.Key ?? "").Trim().ToLowerInvariant();
        var errors = Check(input, out var nameEn, out var nameHi);
        if (key.Length is 0 or > MaxKey || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            errors.Add(new("Key", T("A key is 1 to {0} small letters a-z, digits and '-'.", MaxKey)));
        else if (await db.Posts.AnyAsync(p => p.LevelId == levelId && p.Key == key, ct))
            errors.Add(new("Key", T("This level already has a post with the key {0}.", key)));
        if (input.Seats is null) errors.Add(new("Seats", T("This field is required.")));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        var rank = input.Rank ?? (await db.Posts.Where(p => p.LevelId == levelId).MaxAsync(p => (int?)p.Rank, ct) ?? -1) + 1;
        var post = new Post { LevelId = levelId, Key = key, NameEn = nameEn, NameHi = nameHi, Seats = input.Seats!.Value, Rank = rank };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        await UnitTally.RecountLevelAsync(db, levelId, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(post.Id);
    }

    public async Task<Outcome> ChangeAsync(int postId, PostInput input, CancellationToken ct = default)
    {
        if (!(await door.CallerAsync(ct)).IsAdmin) return Outcome.Denied();
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null) return Outcome.Missing();
        var errors = Check(input, out var nameEn, out var nameHi);
        if (post.Until is not null) errors.Add(new("", T("This post is retired: bring it back first to change it.")));
        if (input.Key is { Length: > 0 } key && !string.Equals(key.Trim(), post.Key, StringComparison.OrdinalIgnoreCase))
            errors.Add(new("Key", T("A post's key cannot change: files and settings name the post by it.")));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);

        var seatsChanged = input.Seats is { } seats && seats != post.Seats;
        post.NameEn = nameEn;
        post.NameHi = nameHi;
        post.Seats = input.Seats ?? post.Seats;
        post.Rank = input.Rank ?? post.Rank;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (seatsChanged) await UnitTally.RecountLevelAsync(db, post.LevelId, ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(post.Id);
    }

    /// <summary>Units where more people hold the post than it now has seats: they stay until their appointments end.</summary>
    public async Task<int> OverfilledAsync(int postId, CancellationToken ct)
    {
        var seats = await db.Posts.Where(p => p.Id == postId).Select(p => p.Seats).FirstAsync(ct);
        return await db.Appointments.Where(a => a.PostId == postId && a.Until == null).GroupBy(a => a.UnitId)
            .Where(g => g.Count() > seats).CountAsync(ct);
    }

    static List<FieldError> Check(PostInput input, out string nameEn, out string nameHi)
    {
        var errors = new List<FieldError>();
        nameEn = PersonRules.Clean(input.NameEn);
        nameHi = PersonRules.Clean(input.NameHi);
        Names(errors, "NameEn", nameEn);
        Names(errors, "NameHi", nameHi);
        if (input.Seats is < 1 or > MaxSeats) errors.Add(new("Seats", T("Seats must be between 1 and {0}.", MaxSeats)));
        if (input.Rank is < 0 or > 1000) errors.Add(new("Rank", T("The order must be between 0 and 1000.")));
        return errors;
    }

    internal static void Names(List<FieldError> errors, string field, string value)
    {
        if (value.Length == 0) errors.Add(new(field, T("This field is required.")));
        else if (value.Length > MaxName) errors.Add(new(field, T("This is too long: at most {0} characters.", MaxName)));
    }
}
