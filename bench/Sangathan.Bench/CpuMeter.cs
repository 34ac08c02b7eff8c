using System.Globalization;

namespace Sangathan.Bench;

/// <summary>CPU seconds spent so far, split the way a benchmark compares them.</summary>
/// <param name="Self">This process (the app and the bench's own HTTP clients, which share it).</param>
/// <param name="Children">Child processes that have ended and been waited for (pgbench).</param>
/// <param name="Database">The PostgreSQL server: its postmaster, its live backends and the backends that have ended.</param>
internal sealed record CpuSample(double Self, double Children, double Database)
{
    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.Self - b.Self, a.Children - b.Children, a.Database - b.Database);
}

/// <summary>
/// Reads CPU time from /proc. Time a process spends on the CPU does not grow when other work on a shared machine makes
/// it wait, so CPU per operation compares two runs made at different loads where their rates cannot.
/// </summary>
internal static class CpuMeter
{
    static readonly double Tick = 100.0; // USER_HZ, 100 on every Linux this runs on

    public static CpuSample Read(int? postmaster)
    {
        var self = Stat("self");
        var database = 0.0;
        if (postmaster is { } pm && Stat(pm.ToString(CultureInfo.InvariantCulture)) is { } server)
        {
            // Ended backends are in the postmaster's children's time once it has reaped them; live ones are read one by one.
            database = server.User + server.System + server.ChildUser + server.ChildSystem;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
                if (Stat(Path.GetFileName(dir)) is { } p && p.Parent == pm) database += p.User + p.System;
        }
        return new CpuSample((self!.User + self.System) / Tick, (self.ChildUser + self.ChildSystem) / Tick, database / Tick);
    }

    sealed record ProcStat(int Parent, long User, long System, long ChildUser, long ChildSystem);

    static ProcStat? Stat(string pid)
    {
        if (pid != "self" && !int.TryParse(pid, out _)) return null;
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // ended while being read
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        // The command name may hold spaces and parentheses: fields are counted from its last ')'.
        var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new ProcStat(int.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[11], CultureInfo.InvariantCulture),
            long.Parse(f[12], CultureInfo.InvariantCulture), long.Parse(f[13], CultureInfo.InvariantCulture), long.Parse(f[14], CultureInfo.InvariantCulture));
    }
}
