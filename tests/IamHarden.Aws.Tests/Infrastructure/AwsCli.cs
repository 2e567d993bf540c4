namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>
/// Runs the installed AWS CLI against a local endpoint with fake credentials and no access to the real config files,
/// so its output can be compared with what IamHarden writes for the same account.
/// </summary>
internal static class AwsCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    public static string Executable =>
        ExternalProcess.Find("aws", "/root/.pyenv/shims/aws", "/usr/local/bin/aws")
        ?? throw new InvalidOperationException("The AWS CLI (aws) is not installed.");

    /// <summary>Runs <c>aws --endpoint-url ENDPOINT ARGS</c> and returns its standard output; throws on failure.</summary>
    public static async Task<string> RunAsync(Uri endpoint, CliTimestampFormat timestamps, params string[] arguments)
    {
        var result = await TryRunAsync(endpoint, timestamps, arguments);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput;
    }

    public static Task<ExternalProcess.Result> TryRunAsync(Uri endpoint, CliTimestampFormat timestamps, params string[] arguments)
    {
        var config = Path.Combine(TestEnvironment.Scratch, $"aws-cli-config-{timestamps}");
        if (!File.Exists(config))
        {
            File.WriteAllText(config,
                "[default]\nregion = us-east-1\noutput = json\ncli_timestamp_format = " +
                (timestamps == CliTimestampFormat.Iso8601 ? "iso8601" : "wire") + "\n");
        }
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = TestEnvironment.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = TestEnvironment.SecretKey,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(TestEnvironment.Scratch, "no-such-credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_PAGER"] = "",
            ["PYTHONIOENCODING"] = "utf-8",
            ["PYTHONUTF8"] = "1",
            ["NO_PROXY"] = "127.0.0.1,localhost",
        };
        return ExternalProcess.RunAsync(Executable, ["--endpoint-url", endpoint.ToString().TrimEnd('/'), .. arguments], environment, Timeout);
    }
}
