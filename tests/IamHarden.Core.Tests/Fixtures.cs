namespace IamHarden.Core.Tests;

/// <summary>Paths of the shared test fixtures (tests/fixtures, copied next to the test assembly).</summary>
internal static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
