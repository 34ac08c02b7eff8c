using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sangathan.Membership;

/// <summary>
/// A party worker of a unit who holds no post there: someone an office bearer authorized to enroll members (the
/// "sunflower" reaches far more people than there are posts). The record carries their grants at the unit and below,
/// as a post would (<see cref="GrantCarriers"/>), and lets them read that part of the tree while a grant of theirs is in
/// force. Workers are not office bearers: they fill no seat and count in no completeness.
/// </summary>
public sealed class Worker
{
    public int Id { get; set; }
    public int PersonId { get; set; }
    public int UnitId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Who made them a worker here: the granter, a person or the war room's staff.</summary>
    public int? ByPersonId { get; set; }
    public int? ByStaffId { get; set; }
}

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> e)
    {
        e.HasIndex(w => new { w.PersonId, w.UnitId }).IsUnique();
        e.HasIndex(w => w.UnitId);
        e.HasOne<People.Person>().WithMany().HasForeignKey(w => w.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization.Unit>().WithMany().HasForeignKey(w => w.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
