using Amazon.Runtime;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Cli.Tests.Aws;

/// <summary>
/// Runs collect/plan/apply as a process against a local endpoint, as the given credentials, with a short retry budget
/// (AWS_MAX_ATTEMPTS) and the public-address check pointed at a loopback port where nothing listens.
/// </summary>
internal static class AwsCommandRun
{
    public static CliOutput Run(Uri endpoint, AWSCredentials? credentials, IEnumerable<string> args, string? stdin = null,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var keys = credentials?.GetCredentials();
        var env = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = keys?.AccessKey ?? TestEnvironment.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = keys?.SecretKey ?? TestEnvironment.SecretKey,
            ["AWS_MAX_ATTEMPTS"] = "3",
            ["IAMHARDEN_CHECKIP_URL"] = $"http://127.0.0.1:{FreePort.Next()}/",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) env[key] = value;
        return CliProcess.Run([.. args, "--endpoint-url", endpoint.ToString()], stdin, workingDirectory, TimeSpan.FromMinutes(2), env);
    }

    public static string Config(string name) => GuardrailAccount.ConfigPath(name);

    /// <summary>True when the output has no .NET stack trace in it.</summary>
    public static bool HasNoStackTrace(CliOutput output) =>
        !output.Stderr.Contains("   at ", StringComparison.Ordinal) && !output.Stdout.Contains("   at ", StringComparison.Ordinal);
}
