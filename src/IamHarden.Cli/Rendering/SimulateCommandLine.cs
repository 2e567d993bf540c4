using System.Text;
using System.Text.Json;
using IamHarden.Core.Evaluation;

namespace IamHarden.Cli.Rendering;

/// <summary>A request written as the `iamharden simulate` arguments that reproduce it (shell-quoted).</summary>
public static class SimulateCommandLine
{
    public static string For(AuthorizationRequest request, IEnumerable<string>? policyFiles = null) =>
        For(request, (policyFiles ?? ["<policy.json>"]).Select(file => ("--policy", file)));

    /// <summary>The request decided by policy files given with their simulate options ("--policy", "--boundary", "--scp").</summary>
    public static string For(AuthorizationRequest request, IEnumerable<(string Option, string File)> policies)
    {
        var sb = new StringBuilder("iamharden simulate");
        foreach (var (option, file) in policies) sb.Append(' ').Append(option).Append(' ').Append(Quote(file));
        sb.Append(" --principal ").Append(Quote(request.Principal.Arn));
        return Append(sb, request);
    }

    /// <summary>The request decided by identity policies, a permissions boundary and SCPs given as files (verify's counterexamples).</summary>
    public static string For(AuthorizationRequest request, IEnumerable<string> policyFiles, string? boundary, IEnumerable<string> scps)
    {
        var sb = new StringBuilder("iamharden simulate");
        foreach (var file in policyFiles) sb.Append(" --policy ").Append(Quote(file));
        if (boundary is not null) sb.Append(" --boundary ").Append(Quote(boundary));
        foreach (var file in scps) sb.Append(" --scp ").Append(Quote(file));
        sb.Append(" --principal ").Append(Quote(request.Principal.Arn));
        return Append(sb, request);
    }

    /// <summary>The request decided by a snapshot user's own policies: "--sample" or "--snapshot DIR", then "--user NAME".</summary>
    public static string ForSnapshotUser(AuthorizationRequest request, string snapshotArguments, string userName)
    {
        var sb = new StringBuilder("iamharden simulate ").Append(snapshotArguments).Append(" --user ").Append(Quote(userName));
        return Append(sb, request);
    }

    /// <summary>The command that replays a finding's counterexample.</summary>
    public static string For(Analysis.Audit.AuditReport report, Analysis.Audit.Counterexample counterexample) =>
        counterexample.UserName is { } user ? ForSnapshotUser(counterexample.Request, report.SnapshotArguments, user) : For(counterexample.Request);

    private static string Append(StringBuilder sb, AuthorizationRequest request)
    {
        sb.Append(" --action ").Append(Quote(request.Action));
        sb.Append(" --resource ").Append(Quote(request.Resource));
        foreach (var (key, value) in request.Context.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var text = value.IsList ? JsonSerializer.Serialize(value.Values) : value[0];
            sb.Append(" --context ").Append(Quote($"{key}={text}"));
        }
        return sb.ToString();
    }

    /// <summary>POSIX shell quoting: plain words stay bare, anything else goes in single quotes.</summary>
    public static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+%".Contains(c))
            ? text
            : "'" + text.Replace("'", "'\\''") + "'";
}
