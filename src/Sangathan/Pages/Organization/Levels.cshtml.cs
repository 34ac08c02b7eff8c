using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.Organization;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Pages.Organization;

/// <summary>The post editor: the state administrator's levels and posts, their seats and order, and what changed when.</summary>
[Authorize(Policy = Access.AccessPolicies.Admin)]
public sealed class LevelsModel(AppDb db, BoothLevel booths, SavePost posts, RetirePost retire, SaveLevel levels, StructureHistory history,
    TimeProvider clock) : PageModel
{
    public sealed class PostForm
    {
        public string? Key { get; set; }
        public string? NameEn { get; set; }
        public string? NameHi { get; set; }
        public int? Seats { get; set; }
        public int? Rank { get; set; }
    }

    public sealed class LevelForm
    {
        public string? Key { get; set; }
        public string? NameEn { get; set; }
        public string? NameHi { get; set; }
        public int? BelowLevelId { get; set; }
    }

    [BindProperty] public PostForm Post { get; set; } = new();
    [BindProperty] public LevelForm Level { get; set; } = new();
    public IReadOnlyList<Level> Levels { get; private set; } = [];
    public int BoothLevelId { get; private set; }
    public IReadOnlyList<StructureChange> Changes { get; private set; } = [];
    public Dictionary<int, string> PostNames { get; private set; } = [];
    public string? Done { get; private set; }

    public string When(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, clock.LocalTimeZone).ToString("d MMM yyyy HH:mm");

    public async Task OnGetAsync(string? said, int? id, int? n, CancellationToken ct)
    {
        Levels = await db.Levels.AsNoTracking().Include(l => l.Posts).OrderBy(l => l.Depth).ToListAsync(ct);
        BoothLevelId = await booths.IdAsync(db, ct);
        Changes = await history.RunAsync(ct);
        PostNames = Levels.SelectMany(l => l.Posts.Select(p => (p.Id, Text: $"{Name(p.NameEn, p.NameHi)} ({Name(l.NameEn, l.NameHi)})")))
            .ToDictionary(p => p.Id, p => p.Text);
        if (id is { } which) Done = await SaidAsync(said, which, n ?? 0, ct);
    }

    /// <summary>What the change just saved did, said from the record (never from the address, which anyone can write).</summary>
    async Task<string?> SaidAsync(string? said, int id, int n, CancellationToken ct)
    {
        var post = PostNames.GetValueOrDefault(id, "");
        var level = Levels.FirstOrDefault(l => l.Id == id) is { } l ? Name(l.NameEn, l.NameHi) : "";
        return said switch
        {
            "post-added" => T("Saved: the post {0} was added; every unit of its level has its seats now.", post),
            "post-saved" => T("Saved: the post {0}.", post) + (await posts.OverfilledAsync(id, ct) is > 0 and var over
                ? " " + T("At {0} units more people hold it than it now has seats: they stay until their appointments end.", over) : ""),
            "post-retired" => T("Retired: the post {0}. {1} appointments to it ended today; its past holders remain its history.", post, n),
            "post-restored" => T("Brought back: the post {0}. Appoint its holders again as needed.", post),
            "level-saved" => T("Saved: the level {0}.", level),
            "level-added" => T("Saved: the level {0} was added. Add its posts below.", level),
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAddPostAsync(int levelId, CancellationToken ct) =>
        await AfterAsync(await posts.AddAsync(levelId, new PostInput(Post.Key, Post.NameEn, Post.NameHi, Post.Seats, Post.Rank), ct), "Post", "post-added", ct);

    public async Task<IActionResult> OnPostChangePostAsync(int postId, CancellationToken ct) =>
        await AfterAsync(await posts.ChangeAsync(postId, new PostInput(null, Post.NameEn, Post.NameHi, Post.Seats, Post.Rank), ct), "Post", "post-saved", ct);

    public async Task<IActionResult> OnPostRetireAsync(int postId, string? reason, CancellationToken ct)
    {
        var outcome = await retire.RetireAsync(postId, reason, ct);
        return outcome.Succeeded ? Redirect($"/organization/levels?said=post-retired&id={postId}&n={outcome.Id}") : await AfterAsync(outcome, "", "", ct);
    }

    public async Task<IActionResult> OnPostRestoreAsync(int postId, CancellationToken ct) =>
        await AfterAsync(await retire.RestoreAsync(postId, ct), "", "post-restored", ct);

    public async Task<IActionResult> OnPostRenameLevelAsync(int levelId, CancellationToken ct) =>
        await AfterAsync(await levels.RenameAsync(levelId, new LevelInput(null, Level.NameEn, Level.NameHi, null), ct), "Level", "level-saved", ct);

    public async Task<IActionResult> OnPostAddLevelAsync(CancellationToken ct) =>
        await AfterAsync(await levels.AddAsync(new LevelInput(Level.Key, Level.NameEn, Level.NameHi, Level.BelowLevelId), ct), "Level", "level-added", ct);

    async Task<IActionResult> AfterAsync(Platform.Outcome outcome, string prefix, string said, CancellationToken ct)
    {
        if (this.Refusal(outcome) is { } refused) return refused;
        if (outcome.Succeeded) return Redirect($"/organization/levels?said={said}&id={outcome.Id}");
        outcome.Errors.AddTo(ModelState, prefix);
        await OnGetAsync(null, null, null, ct);
        return this.Refused();
    }
}
