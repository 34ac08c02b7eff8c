using System.Data.Common;
using System.Security.Cryptography;
using Sangathan.Audit;
using Sangathan.Data;

namespace Sangathan.Membership;

/// <summary>
/// Writes a checked enrollment at the drive's surge rate: the photo (once per picture), the grant's count, the member,
/// their confirmation link, their count change and audit entry, in one transaction of few round trips and none of EF's
/// per-row bookkeeping. On PostgreSQL: one batch for the photo and the grant, one for the rest, and the commit.
/// Nothing is saved unless all of it is. It does not say why it saved nothing: that is the slow path's work
/// (<see cref="EnrollMember"/>), which looks again with its own queries, only then.
/// </summary>
public sealed class SaveEnrollment(AppDb db, IdBlocks ids, BoothLevel boothLevel, IAuditActor actor, TimeProvider clock)
{
    /// <summary>True when saved. False when the booth was not one a grant of the enroller's covers with quota left,
    /// or the voter ID is held (<see cref="VoterIdHold"/>) or the request key taken: nothing was written.</summary>
    public async Task<bool> TryAsync(Member member, MemberConfirmation confirmation, byte[] jpeg, CancellationToken ct)
    {
        var booths = await boothLevel.IdAsync(db, ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        var now = Sql.Utc(clock);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The same picture sent twice at once: the second waits for the first's commit, then finds its row.
            var first = await new SqlBatch(db)
                .Add("""INSERT INTO "Photos" ("Sha256", "ContentType", "Content") VALUES (@sha, 'image/jpeg', @content) ON CONFLICT ("Sha256") DO NOTHING""",
                    ("sha", sha), ("content", jpeg))
                .Ask("""SELECT "Id" FROM "Photos" WHERE "Sha256" = @sha""", ("sha", sha))
                .Ask(EnrollmentRights.SpendSql, ("person", member.EnrolledById), ("unit", member.BoothId), ("level", booths), ("now", now))
                .RunAsync(ct);
            if (first[1] is not { } grantId)
            {
                await tx.RollbackAsync(ct);
                return false;
            }
            member.PhotoId = Convert.ToInt32(first[0]);
            member.GrantId = Convert.ToInt32(grantId);

            // Its id known beforehand, the member goes with what points at it, its audit entry included.
            member.Id = await ids.NextAsync(db, "Members", ct);
            confirmation.MemberId = member.Id;
            var type = db.Model.FindEntityType(typeof(Member))!;
            var rest = new SqlBatch(db).Add(Sql.InsertOf(type), Sql.ColumnsOf(type, member)).Add("""
                    INSERT INTO "MemberConfirmations" ("MemberId", "TokenHash", "CreatedAt", "ExpiresAt") VALUES (@member, @token, @created, @expires)
                    """, ("member", member.Id), ("token", confirmation.TokenHash), ("created", confirmation.CreatedAt), ("expires", confirmation.ExpiresAt))
                .Add("""
                    INSERT INTO "MemberCountChanges" ("BoothId", "Status", "Category", "Gender", "EnrollerId", "Day", "Delta", "Flagged")
                    VALUES (@booth, @status, @category, @gender, @enroller, @day, 1, 0)
                    """, ("booth", member.BoothId), ("status", (int)member.Status), ("category", member.Category),
                    ("gender", (int)member.Gender), ("enroller", member.EnrolledById), ("day", DateOnly.FromDateTime(now)));
            // The member's name words for search, in the same batch (one statement).
            var words = Search.NameIndex.Words(member.NameEn, member.NameHi).ToList();
            if (words.Count > 0)
                rest.Add($"INSERT INTO \"MemberWords\" (\"Word\", \"MemberId\") VALUES {string.Join(", ", words.Select((_, i) => $"(@w{i}, @member)"))}",
                    [("member", member.Id), .. words.Select((w, i) => ($"w{i}", (object?)w))]);
            AuditWriter.Add(rest, actor, clock, ChangeCapture.Created(type, member));
            await rest.RunAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbException e) when (Sql.IsConstraintViolation(e))
        {
            await tx.RollbackAsync(ct);
            return false;
        }
    }
}
