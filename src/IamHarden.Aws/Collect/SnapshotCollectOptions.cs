namespace IamHarden.Aws;

/// <summary>How <see cref="SnapshotCollector"/> collects and writes a snapshot.</summary>
public sealed record SnapshotCollectOptions
{
    /// <summary>Replace the snapshot files in a directory that is not empty. Without it, a non-empty directory is
    /// refused before any AWS call. Files other than the snapshot's own are never touched.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Timestamps as AWS CLI v2 writes them (the default) or as the wire/CLI v1 form.</summary>
    public CliTimestampFormat TimestampFormat { get; init; } = CliTimestampFormat.Iso8601;

    /// <summary>
    /// Fetch users, groups, roles and managed policies as four concurrent paginations (filtered
    /// GetAccountAuthorizationDetails calls) instead of one. Off by default: the content is the same, but a server may
    /// order a filtered list differently from an unfiltered one (moto orders filtered managed policies by hash), so only
    /// the single unfiltered pagination is guaranteed to give the AWS CLI's bytes. The other snapshot calls always run
    /// concurrently with it.
    /// </summary>
    public bool ParallelAuthorizationDetails { get; init; }

    /// <summary>How often to ask whether the credential report is ready.</summary>
    public TimeSpan CredentialReportPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for IAM to generate the credential report.</summary>
    public TimeSpan CredentialReportTimeout { get; init; } = TimeSpan.FromMinutes(3);
}
