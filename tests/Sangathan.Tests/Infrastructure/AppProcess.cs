using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sangathan.Tests.Infrastructure;

/// <summary>
/// The app as production runs it: its own process (the built Sangathan.dll), on a free loopback port, against a
/// given database. Unlike the in-memory test server it can be killed outright.
/// </summary>
public sealed class AppProcess(string provider, string connectionString, IEnumerable<(string Key, string Value)>? settings = null) : IDisposable
{
    readonly int port = FreePort();

    Process? process;

    public Uri Address => new($"http://127.0.0.1:{port}");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [AppDll])
        {
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = Address.ToString();
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Sangathan"] = connectionString;
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["Demo__Seed"] = "none";
        start.Environment["Sms__Gateway"] = "console";
        foreach (var (key, value) in settings ?? []) start.Environment[key.Replace(":", "__")] = value;
        process = Process.Start(start)!;
        // Read and drop its output, so a full pipe never stalls it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited at start with code {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync(new Uri(Address, "/health"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not answer /health within 90 s.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, nothing finished that was not already.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
    }

    public void Dispose()
    {
        if (process is { HasExited: false }) Kill();
        process?.Dispose();
    }

    /// <summary>The app as built beside the tests, in the same configuration (scripts/test builds the whole solution).</summary>
    static string AppDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var configuration = testBin.Parent!.Name;
            var root = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(root, "src", "Sangathan", "bin", configuration, testBin.Name, "Sangathan.dll");
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
