using System.Diagnostics;
using System.Text;

namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>
/// A moto_server on a free loopback port for one test class: started before the first test, killed (by its own
/// process id) after the last. A port collision or a slow start is retried on a new port.
/// </summary>
public class MotoServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private Process? _process;
    private readonly StringBuilder _log = new();

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Extra environment for the server (subclasses: e.g. loading AWS managed policies).</summary>
    protected virtual IReadOnlyDictionary<string, string> ServerEnvironment { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var executable = ExternalProcess.Find("moto_server", "/root/.pyenv/shims/moto_server")
                         ?? throw new InvalidOperationException("moto_server is not installed (pip install 'moto[server]').");
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort.Next();
            try
            {
                await StartAsync(executable, port);
                return;
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                last = e;
                Stop();
            }
        }
        throw new InvalidOperationException($"moto_server did not start: {last?.Message}\n{_log}");
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>Forgets every resource (all accounts) so a test starts from an empty account.</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(Endpoint, "/moto-api/reset"), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Makes moto authenticate and authorise every request after the next <paramref name="freeActions"/> ones.</summary>
    public async Task EnableAuthenticationAsync(int freeActions)
    {
        using var http = new HttpClient();
        // moto reads the body as a bare number.
        using var content = new StringContent(freeActions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await http.PostAsync(new Uri(Endpoint, "/moto-api/reset-auth"), content);
        response.EnsureSuccessStatusCode();
    }

    private async Task StartAsync(string executable, int port)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-H");
        info.ArgumentList.Add("127.0.0.1");
        info.ArgumentList.Add("-p");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in ServerEnvironment)
            info.Environment[key] = value;
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start moto_server.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode} (port {port} taken?).");
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"moto_server did not answer on port {port} within {StartTimeout.TotalSeconds} s.");
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            if (_log.Length < 20_000)
                _log.AppendLine(line);
        }
    }

    private void Stop()
    {
        if (_process is null)
            return;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        _process = null;
    }
}

/// <summary>A moto server that also serves the AWS managed policies, so they can be attached.</summary>
public sealed class MotoServerWithManagedPolicies : MotoServer
{
    protected override IReadOnlyDictionary<string, string> ServerEnvironment { get; } =
        new Dictionary<string, string> { ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true" };
}
