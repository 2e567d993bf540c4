namespace IamHarden.Aws;

/// <summary>GetAccountSummary: IAM usage and quotas by name, in AWS's order.</summary>
public sealed record AccountSummary(IReadOnlyList<KeyValuePair<string, long>> Entries)
{
    /// <summary>The value for <paramref name="key"/>, or null when AWS did not report it.</summary>
    public long? this[string key] => Entries.Where(e => e.Key == key).Select(e => (long?)e.Value).FirstOrDefault();

    /// <summary>Whether the root user has MFA (any kind, hardware included).</summary>
    public bool? RootHasMfa => this["AccountMFAEnabled"] is { } v ? v != 0 : null;

    /// <summary>Whether the root user has access keys.</summary>
    public bool? RootHasAccessKeys => this["AccountAccessKeysPresent"] is { } v ? v != 0 : null;
}
