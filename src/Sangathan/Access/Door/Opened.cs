using Sangathan.Platform;

namespace Sangathan.Access;

/// <summary>
/// A record the <see cref="Door"/> let the caller in to, or why not: missing when it does not exist or they may not read
/// it (the two look the same from outside), denied when they may read it but not do this to it.
/// </summary>
public readonly record struct Opened<T>(T? Resource, bool Missing) where T : class
{
    public bool Refused => Resource is null;

    /// <summary>The refusal as a use case returns it: 404 or 403.</summary>
    public Outcome Refusal => Missing ? Outcome.Missing() : Outcome.Denied();
}
