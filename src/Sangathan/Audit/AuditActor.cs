namespace Sangathan.Audit;

/// <summary>Who is acting and from where, as the audit log records it.</summary>
public interface IAuditActor
{
    string Label { get; }
    string? Ip { get; }
}

/// <summary>The caller of the current request; "system" outside of one (start-up, demo loads).</summary>
public sealed class HttpAuditActor(IHttpContextAccessor http, ActingFor acting) : IAuditActor
{
    public string Label =>
        acting.Label
        ?? http.HttpContext?.User.FindFirst(AuditClaims.Actor)?.Value
        ?? (http.HttpContext is null ? "system" : "anonymous");

    public string? Ip => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}

public static class AuditClaims
{
    /// <summary>The claim sign-in puts on every session: "person:12" or "staff:3".</summary>
    public const string Actor = "sangathan:actor";
}

/// <summary>The app itself, for work no person asked for in a request (start-up loads).</summary>
public sealed class SystemActor : IAuditActor
{
    public static readonly SystemActor Instance = new();
    public string Label => "system";
    public string? Ip => null;
}

/// <summary>
/// Set by background work done for someone (an import they started), so that its changes are logged as theirs
/// even though no request of theirs is running.
/// </summary>
public sealed class ActingFor
{
    public string? Label { get; set; }
}
