using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using IamHarden.Core.Tests.Catalog;

namespace IamHarden.Core.Tests.Evaluation.Differential;

/// <summary>
/// The team's iam-oracle (../shared/tools/iam-oracle: a case generator and a runner for
/// @cloud-copilot/iam-simulate, an independent AGPL simulator used only as a second opinion,
/// never shipped). Found next to the repository (or at IAMHARDEN_ORACLE_DIR), copied once into
/// the temporary folder and installed there with `npm ci` from its lock file.
/// </summary>
public sealed class IamOracle
{
    private static readonly Lazy<(IamOracle? Oracle, string Reason)> Shared = new(Prepare);

    private IamOracle(string directory) => Directory = directory;

    /// <summary>The installed copy the scripts run in.</summary>
    public string Directory { get; }

    /// <summary>The oracle, or null with the reason it cannot run here (no oracle, no node/npm, npm ci failed).</summary>
    public static (IamOracle? Oracle, string Reason) Get() => Shared.Value;

    /// <summary>Generates cases: <c>node gen.mjs --seed S --count N [--no-exotic]</c>.</summary>
    public string Generate(int seed, int count, bool exotic, string outputFile)
    {
        var args = new List<string> { "gen.mjs", "--seed", seed.ToString(), "--count", count.ToString(), "-o", outputFile };
        if (!exotic) args.Add("--no-exotic");
        Run("node", args, Directory, TimeSpan.FromMinutes(10));
        return outputFile;
    }

    /// <summary>iam-simulate's decision for every case: <c>node oracle.mjs cases -o decisions --quiet</c>.</summary>
    public string Decide(string casesFile, string outputFile)
    {
        Run("node", ["oracle.mjs", casesFile, "-o", outputFile, "--quiet"], Directory, TimeSpan.FromMinutes(20));
        return outputFile;
    }

    private static (IamOracle?, string) Prepare()
    {
        var source = Locate();
        if (source is null) return (null, "no iam-oracle found (looked for shared/tools/iam-oracle above the repository; set IAMHARDEN_ORACLE_DIR)");
        foreach (var tool in new[] { "node", "npm" })
            if (!CanRun(tool)) return (null, $"{tool} is not installed");

        // One installed copy per version of the oracle's lock file, shared by test runs.
        var lockHash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(source, "package-lock.json"))))[..16];
        var installed = Path.Combine(Path.GetTempPath(), $"iamharden-iam-oracle-{lockHash}");
        if (File.Exists(Path.Combine(installed, "node_modules", ".package-lock.json"))) return (new IamOracle(installed), "");

        var staging = installed + "-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            CopyWithoutModules(source, staging);
            Run("npm", ["ci", "--silent", "--no-audit", "--no-fund"], staging, TimeSpan.FromMinutes(10));
            try
            {
                System.IO.Directory.Move(staging, installed);
            }
            catch (IOException) when (System.IO.Directory.Exists(installed))
            {
                // Another test run installed it first; use theirs.
                System.IO.Directory.Delete(staging, recursive: true);
            }
            return (new IamOracle(installed), "");
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or TimeoutException)
        {
            if (System.IO.Directory.Exists(staging)) System.IO.Directory.Delete(staging, recursive: true);
            return (null, "could not install the oracle: " + ex.Message);
        }
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("IAMHARDEN_ORACLE_DIR") is { Length: > 0 } configured)
            return File.Exists(Path.Combine(configured, "oracle.mjs")) ? configured : null;
        for (var dir = new DirectoryInfo(RepositoryFiles.Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "tools", "iam-oracle");
            if (File.Exists(Path.Combine(candidate, "oracle.mjs"))) return candidate;
        }
        return null;
    }

    private static void CopyWithoutModules(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in System.IO.Directory.EnumerateDirectories(from))
            if (Path.GetFileName(dir) is not ("node_modules" or ".git")) CopyWithoutModules(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    private static bool CanRun(string tool)
    {
        try
        {
            Run(tool, ["--version"], Path.GetTempPath(), TimeSpan.FromMinutes(1));
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            return false;
        }
    }

    private static void Run(string program, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeout}");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr}");
    }
}
