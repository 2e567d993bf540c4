using System.Runtime.CompilerServices;

namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>
/// Makes the test process safe before any test runs: fake credentials in the environment, EC2 metadata disabled (so
/// credential resolution never waits on 169.254.169.254), and the shared AWS config files pointed at paths that do
/// not exist, so a developer's real profiles are never read and nothing can reach AWS.
/// </summary>
internal static class TestEnvironment
{
    public const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public static string Scratch { get; } = Path.Combine(Path.GetTempPath(), "iamharden-aws-tests");

    [ModuleInitializer]
    internal static void Initialise()
    {
        Directory.CreateDirectory(Scratch);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_REGION", null);
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(Scratch, "no-such-config"));
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(Scratch, "no-such-credentials"));
        // Loopback traffic must never go through a proxy that might be configured on the machine.
        Environment.SetEnvironmentVariable("NO_PROXY", "127.0.0.1,localhost");
    }

    /// <summary>A new empty directory for one test.</summary>
    public static string NewDirectory(string name)
    {
        var path = Path.Combine(Scratch, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The path of a fixture file copied beside the test assembly.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
