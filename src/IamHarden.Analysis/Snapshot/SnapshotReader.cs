namespace IamHarden.Analysis.Snapshot;

/// <summary>
/// Reads a snapshot directory (PRODUCT.md: authorization-details.json, credential-report.csv,
/// account-summary.json, password-policy.json (absent = no policy), virtual-mfa-devices.json)
/// into an <see cref="AccountSnapshot"/>. Missing files are named with the command that produces
/// them; broken files with file and line.
/// </summary>
public static class SnapshotReader
{
    /// <summary>Reads the snapshot. AWS managed policies that principals reference but the file does not list are looked up in <paramref name="awsManagedPolicies"/>.</summary>
    public static AccountSnapshot Read(string directory, Func<string, ManagedPolicy?>? awsManagedPolicies = null)
    {
        if (!Directory.Exists(directory))
            throw new SnapshotException($"{directory}: no such snapshot directory; create one with 'iamharden collect --out {directory}' or the AWS CLI commands in README.md");
        var warnings = new List<SnapshotWarning>();

        var details = new AuthorizationDetailsReader(ReadRequired(directory, SnapshotFiles.AuthorizationDetails), SnapshotFiles.AuthorizationDetails, warnings);
        details.Read();
        var reportPath = RequiredPath(directory, SnapshotFiles.CredentialReport);
        var report = CredentialReportReader.Read(reportPath, SnapshotFiles.CredentialReport, warnings);
        var summary = SmallFilesReader.AccountSummary(ReadRequired(directory, SnapshotFiles.AccountSummary), SnapshotFiles.AccountSummary);
        var passwordPath = Path.Combine(directory, SnapshotFiles.PasswordPolicy);
        var passwordPolicy = File.Exists(passwordPath) ? SmallFilesReader.PasswordPolicy(File.ReadAllBytes(passwordPath), SnapshotFiles.PasswordPolicy) : null;
        var devices = SmallFilesReader.VirtualMfaDevices(ReadRequired(directory, SnapshotFiles.VirtualMfaDevices), SnapshotFiles.VirtualMfaDevices);

        var (accountId, partition) = AccountOf(details, report);
        var policies = new Dictionary<string, ManagedPolicy>(details.Policies, StringComparer.Ordinal);
        ResolveMissingPolicies(details, policies, awsManagedPolicies, warnings);

        var users = CredentialReportJoin.Join(details.Users, report, reportPath, Path.Combine(directory, SnapshotFiles.AuthorizationDetails), warnings);
        var groupNames = details.Groups.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var user in users)
            foreach (var group in user.GroupNames)
                if (!groupNames.Contains(group))
                    warnings.Add(new SnapshotWarning(SnapshotFiles.AuthorizationDetails, 0, $"user {user.Name} is in group {group}, which the file does not describe; its policies are unknown"));

        var newest = new[] { details.Newest, report.SelectMany(r => new[] { r.PasswordLastUsed, r.UserCreationTime }.Concat(r.AccessKeys.Select(k => k.LastUsed))).Max() }.Max();
        return new AccountSnapshot(accountId, partition, users, details.Groups, details.Roles, policies, report.FirstOrDefault(r => r.IsRoot),
            summary, passwordPolicy, devices, warnings)
        {
            Directory = directory,
            NewestTimestamp = newest,
            UnparsablePolicyHolders = details.UnparsablePolicyHolders,
        };
    }

    /// <summary>
    /// Reads only the principals and managed policies from an answer of get-account-authorization-details (the
    /// AWS CLI's JSON, e.g. fetched live for plan/apply): no credential report, summary, password policy or MFA
    /// devices, so users carry no <see cref="IamUser.Credentials"/>. AWS managed policies that principals reference
    /// but the answer does not list are looked up in <paramref name="awsManagedPolicies"/>.
    /// </summary>
    public static AccountSnapshot ReadAuthorizationDetails(byte[] json, string sourceName, Func<string, ManagedPolicy?>? awsManagedPolicies = null)
    {
        var warnings = new List<SnapshotWarning>();
        var details = new AuthorizationDetailsReader(json, sourceName, warnings);
        details.Read();
        var (accountId, partition) = AccountOf(details, []);
        var policies = new Dictionary<string, ManagedPolicy>(details.Policies, StringComparer.Ordinal);
        ResolveMissingPolicies(details, policies, awsManagedPolicies, warnings);
        return new AccountSnapshot(accountId, partition, details.Users, details.Groups, details.Roles, policies, null,
            new Dictionary<string, long>(), null, [], warnings)
        {
            NewestTimestamp = details.Newest,
            UnparsablePolicyHolders = details.UnparsablePolicyHolders,
        };
    }

    private static void ResolveMissingPolicies(AuthorizationDetailsReader details, Dictionary<string, ManagedPolicy> policies, Func<string, ManagedPolicy?>? awsManagedPolicies, List<SnapshotWarning> warnings)
    {
        var referenced = details.Users.SelectMany(u => u.AttachedPolicies.Select(a => a.Arn).Concat(u.PermissionsBoundaryArn is { } b ? [b] : []))
            .Concat(details.Groups.SelectMany(g => g.AttachedPolicies.Select(a => a.Arn)))
            .Concat(details.Roles.SelectMany(r => r.AttachedPolicies.Select(a => a.Arn).Concat(r.PermissionsBoundaryArn is { } b ? [b] : [])))
            .Distinct(StringComparer.Ordinal);
        foreach (var arn in referenced)
        {
            if (policies.ContainsKey(arn) || details.UnparsablePolicyHolders.Contains(arn)) continue;
            if (arn.Contains(":iam::aws:policy/", StringComparison.Ordinal) && awsManagedPolicies?.Invoke(arn) is { } bundled)
            {
                policies[arn] = bundled with { FromBundledCorpus = true };
                continue;
            }
            details.UnparsablePolicyHolders.Add(arn);
            warnings.Add(new SnapshotWarning(SnapshotFiles.AuthorizationDetails, 0,
                $"managed policy {arn} is attached but not listed in \"Policies\" (was the file filtered?); principals holding it are marked undetermined"));
        }
    }

    private static (string AccountId, string Partition) AccountOf(AuthorizationDetailsReader details, List<CredentialReportRow> report)
    {
        var arn = details.Users.Select(u => u.Arn).Concat(details.Groups.Select(g => g.Arn)).Concat(details.Roles.Select(r => r.Arn))
            .Concat(report.Select(r => r.Arn)).FirstOrDefault(a => a.StartsWith("arn:", StringComparison.Ordinal));
        if (arn is null) return ("000000000000", "aws");
        var parts = arn.Split(':');
        return parts.Length > 4 ? (parts[4], parts[1]) : ("000000000000", "aws");
    }

    private static string RequiredPath(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
            throw new SnapshotException($"{path}: missing; produce it with: {SnapshotFiles.HowToProduce(file)}");
        return path;
    }

    private static byte[] ReadRequired(string directory, string file) => File.ReadAllBytes(RequiredPath(directory, file));
}
