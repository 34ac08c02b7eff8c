namespace Sangathan.Organization;

/// <summary>
/// A person in a post at a unit. Ending an appointment sets <see cref="Until"/> and keeps the row,
/// so a unit's history stays; a seat is vacant when it has no appointment without an end date.
/// </summary>
public sealed class Appointment
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int PostId { get; set; }
    public int PersonId { get; set; }
    public DateOnly From { get; set; }

    /// <summary>The last day served; null while the appointment is current.</summary>
    public DateOnly? Until { get; set; }

    /// <summary>Why it ended: the reason given by whoever ended it, or the decision that did (a re-cut, a retired post).</summary>
    public string? EndReason { get; set; }

    /// <summary>When the end was recorded (UTC): an end made by hand may be undone for a while after (Organization:UndoEndHours).</summary>
    public DateTime? EndedAt { get; set; }
}
