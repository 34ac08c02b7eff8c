using Microsoft.EntityFrameworkCore;
using Sangathan.Access;
using Sangathan.Audit;
using Sangathan.Data;
using Sangathan.Membership;
using Sangathan.People;
using Sangathan.Platform;
using static Sangathan.Platform.Localization.Texts;

namespace Sangathan.Meetings;

public sealed record MinutesInput(string? Notes, string? Decisions);

/// <summary>
/// A meeting's minutes: notes and decisions, and photos of the meeting. Photos go through the members' photo check
/// (decoded, metadata stripped, shrunk, re-encoded) and the shared photo store; the meeting's record keepers write them.
/// </summary>
public sealed class RecordMinutes(AppDb db, Door door, IAuditActor actor, TimeProvider clock)
{
    /// <summary>Photos of a hall full of people need more pixels than a face.</summary>
    public const int PhotoSide = 1280;

    public async Task<Outcome> SaveAsync(int meetingId, MinutesInput input, CancellationToken ct)
    {
        var (found, denied) = await FindAsync(meetingId, ct);
        if (found is null) return denied!;
        var errors = new List<FieldError>();
        if (input.Notes?.Length > MeetingRules.MaxMinutes) errors.Add(new("Notes", T("This is too long: at most {0} characters.", MeetingRules.MaxMinutes)));
        if (input.Decisions?.Length > MeetingRules.MaxMinutes) errors.Add(new("Decisions", T("This is too long: at most {0} characters.", MeetingRules.MaxMinutes)));
        if (errors.Count > 0) return Outcome.Fail([.. errors]);
        var m = found.Meeting;
        m.Notes = MeetingValidation.Clean(input.Notes);
        m.Decisions = MeetingValidation.Clean(input.Decisions);
        m.MinutesAt = clock.GetUtcNow().UtcDateTime;
        m.MinutesBy = actor.Label;
        await db.SaveChangesAsync(ct);
        return Outcome.Ok(meetingId);
    }

    public async Task<Outcome> AddPhotoAsync(int meetingId, byte[]? upload, CancellationToken ct)
    {
        var (found, denied) = await FindAsync(meetingId, ct);
        if (found is null) return denied!;
        if (upload is null) return Outcome.Fail(new FieldError("Photo", T("Choose a photo of the meeting.")));
        if (await db.MeetingPhotos.CountAsync(p => p.MeetingId == meetingId, ct) >= MeetingRules.MaxPhotos)
            return Outcome.Fail(new FieldError("Photo", T("A meeting keeps at most {0} photos.", MeetingRules.MaxPhotos)));
        var (photo, error) = MemberPhoto.Check(upload, PhotoSide);
        if (photo is null) return Outcome.Fail(new FieldError("Photo", error!));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = await PhotoStore.SaveAsync(db, new PhotoUpload(photo.Jpeg, "image/jpeg"), ct);
        var row = new MeetingPhoto { MeetingId = meetingId, PhotoId = id, AddedAt = clock.GetUtcNow().UtcDateTime, AddedBy = actor.Label };
        db.MeetingPhotos.Add(row);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(row.Id);
    }

    /// <summary>A photo of the meeting, for those who may read the meeting.</summary>
    public async Task<Photo?> PhotoAsync(int meetingId, int photoId, CancellationToken ct)
    {
        if ((await FindMeeting.OpenAsync(db, door, meetingId, Operations.Read, tracked: false, ct)).Found is null) return null;
        return await (from p in db.MeetingPhotos.AsNoTracking()
                      join ph in db.Photos on p.PhotoId equals ph.Id
                      where p.MeetingId == meetingId && p.Id == photoId
                      select ph).FirstOrDefaultAsync(ct);
    }

    Task<(Placed? Found, Outcome? Refusal)> FindAsync(int id, CancellationToken ct) =>
        FindMeeting.OpenAsync(db, door, id, Operations.RecordMeeting, tracked: true, ct);
}
