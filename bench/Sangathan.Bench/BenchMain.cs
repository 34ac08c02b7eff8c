using Microsoft.Extensions.Logging;

namespace Sangathan.Bench;

/// <summary>
/// The full-scale page benchmark (see BENCHMARKS.md): a class rather than top-level statements, because those would
/// declare a second Program and hide the app's, which the host factory needs.
/// </summary>
internal static class BenchMain
{
    static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }
        // The app's content root (appsettings.json, wwwroot) for the host factory, whatever the working directory.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SANGATHAN", Path.Combine(options.Root, "src", "Sangathan"));
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var machine = Machine.Describe(options.Root);
        var blocks = new Dictionary<string, string>();
        if (options.Enroll)
        {
            var enroll = EnrollReport.Block(await EnrollBench.RunAsync(options), machine);
            Console.WriteLine(enroll);
            EnrollReport.Write(options.ReportFile, new Dictionary<string, string> { ["postgres"] = enroll });
            Console.WriteLine($"Wrote {options.ReportFile}");
            return 0;
        }
        if (options.Broadcast)
        {
            var broadcast = BroadcastReport.Block(await BroadcastBench.RunAsync(options), machine);
            Console.WriteLine(broadcast);
            BroadcastReport.Write(options.ReportFile, new Dictionary<string, string> { ["postgres"] = broadcast });
            Console.WriteLine($"Wrote {options.ReportFile}");
            return 0;
        }
        if (options.Cards)
        {
            var cards = CardsReport.Block(await CardsBench.RunAsync(options), machine);
            Console.WriteLine(cards);
            CardsReport.Write(options.ReportFile, cards);
            Console.WriteLine($"Wrote {options.ReportFile}");
            return 0;
        }
        if (options.Meetings)
        {
            foreach (var provider in options.Providers)
            {
                blocks[provider] = MeetingsReport.Block(await MeetingsBench.RunAsync(provider, options), machine);
                Console.WriteLine(blocks[provider]);
            }
            MeetingsReport.Write(options.ReportFile, blocks);
            Console.WriteLine($"Wrote {options.ReportFile}");
            return 0;
        }
        if (options.Dashboards)
        {
            foreach (var provider in options.Providers)
            {
                blocks[provider] = DashboardsReport.Block(await DashboardsBench.RunAsync(provider, options, logging), machine);
                Console.WriteLine(blocks[provider]);
            }
            DashboardsReport.Write(options.ReportFile, blocks);
            Console.WriteLine($"Wrote {options.ReportFile}");
            return 0;
        }
        if (options.Import)
        {
            foreach (var provider in options.Providers)
            {
                var result = await ImportBench.RunAsync(provider, options);
                blocks[provider] = ImportReport.Block(result, machine);
                Console.WriteLine(blocks[provider]);
            }
            ImportReport.Write(options.ReportFile, blocks);
            Console.WriteLine($"Wrote {options.ReportFile}");
            return 0;
        }
        foreach (var provider in options.Providers)
        {
            var result = await ProviderBench.RunAsync(provider, options, logging);
            if (result is null) continue;
            blocks[provider] = Report.Block(result, machine, options);
            Console.WriteLine();
            Console.WriteLine(blocks[provider]);
            Console.WriteLine();
        }
        if (blocks.Count == 0) return 0;
        Report.Write(options.ReportFile, blocks);
        Console.WriteLine($"Wrote {options.ReportFile}");
        return 0;
    }
}
