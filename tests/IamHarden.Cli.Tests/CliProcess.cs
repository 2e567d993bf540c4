using System.Diagnostics;

namespace IamHarden.Cli.Tests;

/// <summary>What a run of the CLI printed and returned.</summary>
public sealed record CliOutput(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the built CLI (iamharden.dll, copied next to this test assembly by the project reference)
/// as a separate process, as a user would: arguments, optional standard input, a working directory.
/// </summary>
public static class CliProcess
{
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static CliOutput Run(IEnumerable<string> args, string? stdin = null, string? workingDirectory = null, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "iamharden.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("iamharden " + string.Join(' ', args) + " did not finish");
        }
        return new CliOutput(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static CliOutput Run(params string[] args) => Run((IEnumerable<string>)args);
}
