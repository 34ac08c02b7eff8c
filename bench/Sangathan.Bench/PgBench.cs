using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Sangathan.Bench;

/// <summary>PostgreSQL's own load driver, run on a script of single-row INSERTs; its transactions per second.</summary>
internal static partial class PgBench
{
    const string Binary = "/usr/lib/postgresql/15/bin/pgbench";

    public static async Task<double> RunAsync(string connectionString, string script, int clients, int transactionsPerClient,
        IReadOnlyDictionary<string, string> variables)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, script);
        try
        {
            List<string> args = ["-n", "-M", "prepared", "-c", $"{clients}", "-j", $"{Math.Min(clients, Environment.ProcessorCount)}",
                "-t", $"{transactionsPerClient}", "-f", file, "-h", c.Host!, "-p", $"{c.Port}", "-U", c.Username!];
            foreach (var (name, value) in variables) args.AddRange(["-D", $"{name}={value}"]);
            args.Add(c.Database!);
            var start = new ProcessStartInfo(Binary, args) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var tps = Tps().Match(output);
            if (process.ExitCode != 0 || !tps.Success) throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {output}\n{errors}");
            return double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
