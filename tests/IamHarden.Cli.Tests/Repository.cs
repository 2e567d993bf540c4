namespace IamHarden.Cli.Tests;

/// <summary>Files of the repository itself (samples/, docs/), found from the test assembly by walking up to IamHarden.slnx.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "IamHarden.slnx"))) return directory.FullName;
        throw new InvalidOperationException("IamHarden.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
