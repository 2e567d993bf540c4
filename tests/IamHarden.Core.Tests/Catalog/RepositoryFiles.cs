namespace IamHarden.Core.Tests.Catalog;

/// <summary>Finds files of the repository (fixtures, docs) from the test's output folder.</summary>
internal static class RepositoryFiles
{
    private const string SolutionFile = "IamHarden.slnx";

    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) =>
        Path.Combine([Root, .. relativePath.Split('/')]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile))) return directory.FullName;
        }
        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
