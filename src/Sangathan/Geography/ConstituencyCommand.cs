using Sangathan.Audit;

namespace Sangathan.Geography;

/// <summary>
/// `load-constituencies FILE` loads the official list of constituencies (.csv or .xlsx) from the command line, as the
/// war room's page does: all of it, or nothing and every problem by row (exit code 1).
/// </summary>
public static class ConstituencyCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "load-constituencies") return false;
        if (args.Length != 2 || !File.Exists(args[1]))
        {
            Console.Error.WriteLine("usage: load-constituencies FILE   (.csv or .xlsx: ac_no, ac_name, ac_name_hi, reservation, district, pc_no, pc_name, blocks, member, party)");
            Environment.ExitCode = 2;
            return true;
        }
        using var scope = app.Services.CreateScope();
        // Logged as the command line's, not as a person's.
        scope.ServiceProvider.GetRequiredService<ActingFor>().Label = "command-line";
        var result = await scope.ServiceProvider.GetRequiredService<LoadConstituencies>().RunAsync(await File.ReadAllBytesAsync(args[1]));
        foreach (var p in result.Problems) Console.Error.WriteLine(p.Row > 0 ? $"row {p.Row}: {p.Message}" : p.Message);
        foreach (var n in result.Notes) Console.WriteLine(n.Row > 0 ? $"row {n.Row}: {n.Message}" : n.Message);
        if (!result.Saved)
        {
            Console.Error.WriteLine("Nothing was saved.");
            Environment.ExitCode = 1;
            return true;
        }
        Console.WriteLine($"Loaded {result.Assembly} assembly and {result.Parliamentary} parliamentary constituencies " +
            $"({result.Created} new, {result.Updated} changed), {result.Ties} ties to units, {result.Members} members.");
        return true;
    }
}
