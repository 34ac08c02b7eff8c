namespace Sangathan.Data;

/// <summary>
/// Which server runs a background job that must run on one server only (the daily snapshot), until when. A server takes
/// a lease that is free or has run out, and renews its own; one that stops holds it no longer than its term.
/// </summary>
public sealed class Lease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime Until { get; set; }
}
