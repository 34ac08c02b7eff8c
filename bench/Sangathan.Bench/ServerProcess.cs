using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sangathan.Bench;

/// <summary>
/// The app as production runs it, in a process of its own: the built src/Sangathan (bench/run builds it as the bench's
/// reference) started with `dotnet Sangathan.dll`, its runtimeconfig's GC settings and nothing of the bench's in it,
/// in the Production environment, logging at Warning, no demo seeding, over the prepared database. So what its memory
/// is measured at is the server's alone.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    readonly Process process;

    public Uri Address { get; }
    public int Id => process.Id;

    ServerProcess(Process process, Uri address) => (this.process, Address) = (process, address);

    public static async Task<ServerProcess> StartAsync(BenchDatabase database)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet", [AppDll])
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in new[]
                 {
                     ("ASPNETCORE_ENVIRONMENT", "Production"), ("Urls", address.ToString()),
                     ("Database__Provider", database.Provider), ("ConnectionStrings__Sangathan", database.ConnectionString),
                     ("Database__MigrateOnStart", "true"), ("Demo__Seed", "none"),
                     ("Logging__LogLevel__Default", "Warning"), ("Logging__LogLevel__Microsoft.EntityFrameworkCore", "Warning"),
                 })
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        // Its warnings and errors go to the bench's own error output; a full pipe would stall it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited at start with code {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync(new Uri(address, "/health"))).IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        server.Dispose();
        throw new TimeoutException("The app did not answer /health within 120 s.");
    }

    /// <summary>A field of /proc/PID/status in bytes (VmRSS: resident now; VmHWM: the most it has been resident).</summary>
    public long Status(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]) * 1024;
        throw new InvalidOperationException($"/proc/{process.Id}/status has no {field}.");
    }

    /// <summary>CPU time the server has used so far, user and system (from /proc/PID/stat), on however many cores.</summary>
    public TimeSpan Cpu
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    bool stopped;

    public void Dispose()
    {
        if (stopped) return;
        stopped = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }

    static string AppDll
    {
        get
        {
            // bench/Sangathan.Bench/bin/<Configuration>/<tfm>/ -> src/Sangathan/bin/<Configuration>/<tfm>/Sangathan.dll
            var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var configuration = bin.Parent!.Name;
            var root = bin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            var dll = Path.Combine(root, "src", "Sangathan", "bin", configuration, bin.Name, "Sangathan.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("The app is not built beside the bench.", dll);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
