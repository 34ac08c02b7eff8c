using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sangathan.Bench;

/// <summary>The machine the numbers came from, as /proc and the runtime tell it.</summary>
internal sealed record Machine(int Cores, string Cpu, string Memory, string System, string Runtime, string Commit)
{
    public static Machine Describe(string root)
    {
        var cpu = Field("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memKb = Field("/proc/meminfo", "MemTotal")?.Split(' ')[0];
        var memory = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:0.0} GiB" : "unknown";
        var os = Field("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "";
        return new Machine(Environment.ProcessorCount, cpu, memory, $"{os}, Linux {kernel}".TrimEnd(' ', ','),
            RuntimeInformation.FrameworkDescription, CommitOf(root));
    }

    /// <summary>
    /// The 1, 5 and 15 minute load averages: the machine is shared, and a load above its core count while the bench
    /// runs means other work took turns with it, and every time measured is longer than the app alone would give.
    /// </summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    static string? Field(string file, string name, char separator = ':')
    {
        if (!File.Exists(file)) return null;
        return File.ReadLines(file).Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(separator) + 1)..].Trim()).FirstOrDefault();
    }

    /// <summary>The commit measured, marked when src/ had changes not yet committed.</summary>
    static string CommitOf(string root)
    {
        var head = Git(root, "rev-parse --short HEAD");
        if (head.Length == 0) return "unknown";
        return Git(root, "status --porcelain -- src").Length > 0 ? $"{head} + uncommitted changes in src/" : head;
    }

    static string Git(string root, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
            });
            if (git is null) return "";
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}
