namespace Sangathan.Bench;

/// <summary>The command line: which databases, whether to reseed, how many requests per measurement.</summary>
internal sealed record BenchOptions(IReadOnlyList<string> Providers, bool Fresh, int Requests, int Warmup, bool ShowSql, string Root, bool Import = false, bool Enroll = false, bool Broadcast = false, bool Cards = false, int CardCount = 10_000, bool Meetings = false, bool Dashboards = false, int Members = 1_000_000)
{
    public const string Usage =
        "Usage: Sangathan.Bench [--providers sqlite,postgres] [--fresh] [--requests N] [--warmup N] [--show-sql] [--import] [--enroll] [--broadcast] [--cards [--card-count N]] [--meetings] [--dashboards [--members N]]\n" +
        "  PostgreSQL needs SANGATHAN_BENCH_PG (a server connection string); bench/run starts a server when it is unset.";

    public string DataFolder => Path.Combine(Root, "bench", ".data");
    public string ReportFile => Path.Combine(Root, "BENCHMARKS.md");

    public static BenchOptions? Parse(string[] args)
    {
        string[] providers = ["sqlite", "postgres"];
        bool fresh = false, showSql = false, import = false, enroll = false, broadcast = false, cards = false, meetings = false, dashboards = false;
        var members = 1_000_000;
        var cardCount = 10_000;
        int requests = 400, warmup = 20;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--fresh": fresh = true; break;
                case "--show-sql": showSql = true; break;
                case "--import": import = true; break;
                case "--enroll": enroll = true; providers = ["postgres"]; break;
                case "--broadcast": broadcast = true; providers = ["postgres"]; break;
                case "--cards": cards = true; break;
                case "--meetings": meetings = true; break;
                case "--dashboards": dashboards = true; break;
                case "--members" when i + 1 < args.Length && int.TryParse(args[i + 1], out var m) && m > 0:
                    members = m; i++; break;
                case "--card-count" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
                    cardCount = n; i++; break;
                case "--providers" when i + 1 < args.Length:
                    providers = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--requests" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0:
                    requests = r; i++; break;
                case "--warmup" when i + 1 < args.Length && int.TryParse(args[i + 1], out var w) && w >= 0:
                    warmup = w; i++; break;
                default: return null;
            }
        }
        if (providers.Length == 0 || providers.Any(p => p is not ("sqlite" or "postgres"))) return null;
        return new BenchOptions(providers, fresh, requests, warmup, showSql, FindRoot(), import, enroll, broadcast, cards, cardCount, meetings, dashboards, members);
    }

    /// <summary>The repository root: the folder above the build output that holds the solution.</summary>
    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sangathan.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Sangathan.slnx not found above " + AppContext.BaseDirectory);
    }
}
