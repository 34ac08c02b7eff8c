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
}
