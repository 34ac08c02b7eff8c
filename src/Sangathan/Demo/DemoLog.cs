namespace Sangathan.Demo;

/// <summary>Progress of a demo load: counts and times only, never a name or a number.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Loading demo data ({Scale})...")]
    public static partial void Loading(ILogger logger, string scale);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Phase} done, {Rows} rows, at {Seconds:0.0} s")]
    public static partial void Phase(ILogger logger, string phase, int rows, double seconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo data: {People} people and {Appointments} appointments so far, at {Seconds:0.0} s")]
    public static partial void Progress(ILogger logger, int people, int appointments, double seconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo data loaded ({Scale}): {Units} units, {People} people, {Appointments} appointments, {Elected} MLAs and MPs in {Seconds:0.0} s")]
    public static partial void Loaded(ILogger logger, DemoScale scale, int units, int people, int appointments, int elected,
        double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data not loaded: the database already has units")]
    public static partial void NotEmpty(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo members: {Made} of {Count} at {Seconds:0.0} s")]
    public static partial void Members(ILogger logger, int made, int count, double seconds);
}
