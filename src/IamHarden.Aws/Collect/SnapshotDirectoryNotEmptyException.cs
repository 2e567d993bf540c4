namespace IamHarden.Aws;

/// <summary>The output directory already holds files and overwriting was not asked for; nothing was changed.</summary>
public sealed class SnapshotDirectoryNotEmptyException : AwsException
{
    public SnapshotDirectoryNotEmptyException(string directory)
        : base($"The directory '{directory}' is not empty; choose an empty directory or allow overwriting the snapshot files in it.")
    {
        Directory = directory;
    }

    /// <summary>The directory that was refused.</summary>
    public string Directory { get; }
}
