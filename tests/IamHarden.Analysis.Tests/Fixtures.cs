namespace IamHarden.Analysis.Tests;

/// <summary>Paths of the shared fixtures (tests/fixtures and samples, copied next to the test assembly).</summary>
internal static class Fixtures
{
    public static string File(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    public static string Sample(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "samples", .. parts]);

    public static string AuditPolicy(string name) => System.IO.File.ReadAllText(File("audit", "policies", name + ".json"));
}
