using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Organization;

/// <summary>A booth a split makes: its code, names and part number; which members go to it (by voter ID, or all of
/// some villages) and which office bearers.</summary>
public sealed record NewBooth(string? Code, string? NameEn, string? NameHi, int? PartNumber,
    List<string>? VoterIds = null, List<string>? Villages = null, List<int>? AppointmentIds = null);

/// <param name="PartNumber">The original booth's own new number, if the split renumbers it.</param>
public sealed record SplitInput(DateOnly? On, string? Reason, List<NewBooth>? Into, int? PartNumber = null);

/// <param name="BoothIds">The booths that end, their members and office bearers going into this one.</param>
/// <param name="EndAppointmentIds">Their appointments that end instead (the merged booth has fewer seats than holders).</param>
public sealed record MergeInput(DateOnly? On, string? Reason, List<int>? BoothIds, List<int>? EndAppointmentIds = null,
    int? PartNumber = null, string? NameEn = null, string? NameHi = null);

public sealed record Renumbering(int BoothId, int? PartNumber, string? Code = null, string? NameEn = null, string? NameHi = null);

public sealed record RenumberInput(DateOnly? On, string? Reason, List<Renumbering>? Booths);

public sealed record MoveInput(DateOnly? On, string? Reason, int? ParentId, int? PartNumber = null);

public sealed record RevertInput(string? Reason);

/// <summary>What every re-cut checks alike: its day (not in the future), its reason, codes and numbers.</summary>
internal static class RecutRules
{
    public const int MaxParts = 20;

    public static DateOnly Day(DateOnly? on, TimeProvider clock, List<FieldError> errors)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var day = on ?? today;
        if (day > today) errors.Add(new("On", T("A re-cut cannot take effect in the future.")));
        if (day < today.AddYears(-5)) errors.Add(new("On", T("A re-cut cannot take effect more than five years ago.")));
        return day;
    }

    public static string Reason(string? reason, List<FieldError> errors)
    {
        var why = PersonRules.Clean(reason);
        if (why.Length is < 5 or > 500) errors.Add(new("Reason", T("Give a reason of 5 to 500 characters.")));
        return why;
    }

    public static string Code(string? code, string field, List<FieldError> errors)
    {
        var clean = PersonRules.Clean(code).ToUpperInvariant();
        if (clean.Length is 0 or > UnitRules.MaxCode || !clean.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            errors.Add(new(field, T("A code may hold only letters A-Z, digits, '-' and '_'.")));
        return clean;
    }

    public static string Name(string? name, string field, List<FieldError> errors)
    {
        var clean = PersonRules.Clean(name);
        if (clean.Length == 0) errors.Add(new(field, T("This field is required.")));
        else if (clean.Length > UnitRules.MaxName) errors.Add(new(field, T("This is too long: at most {0} characters.", UnitRules.MaxName)));
        return clean;
    }

    public static void Part(int? part, string field, List<FieldError> errors)
    {
        if (part is < 1 or > 9999) errors.Add(new(field, T("The part number must be between 1 and 9999.")));
    }

    public static async Task CodesFreeAsync(AppDb db, IReadOnlyCollection<string> codes, IReadOnlyCollection<int> except, List<FieldError> errors,
        CancellationToken ct)
    {
        foreach (var twice in codes.GroupBy(c => c).Where(g => g.Count() > 1))
            errors.Add(new("Code", T("The code {0} is given twice.", twice.Key)));
        var taken = await db.Units.Where(u => codes.Contains(u.Code) && !except.Contains(u.Id)).Select(u => u.Code).ToListAsync(ct);
        foreach (var code in taken) errors.Add(new("Code", T("Another unit already has the code {0}.", code)));
    }

    /// <summary>Holders per post after the change must fit the posts' seats.</summary>
    public static async Task SeatsFitAsync(AppDb db, int levelId, IEnumerable<int> postIds, List<FieldError> errors, CancellationToken ct)
    {
        var posts = await db.Posts.AsNoTracking().Where(p => p.LevelId == levelId).ToDictionaryAsync(p => p.Id, ct);
        foreach (var post in postIds.GroupBy(p => p))
            if (posts.TryGetValue(post.Key, out var p) && post.Count() > p.Seats)
                errors.Add(new("AppointmentIds", T("{0}: {1} holders for {2} seats. Choose whose appointment ends.", Texts(p), post.Count(), p.Seats)));
    }

    static string Texts(Post p) => Platform.Localization.Texts.Name(p.NameEn, p.NameHi);
}
