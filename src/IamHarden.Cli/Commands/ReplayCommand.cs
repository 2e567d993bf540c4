using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Guardrails;
using IamHarden.Analysis.Replay;
using IamHarden.Analysis.Snapshot;
using IamHarden.Cli.Input;
using IamHarden.Cli.Rendering;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using IamHarden.Core.Text;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>`replay`: runs CloudTrail history through proposed policies — who and what they would have refused.</summary>
public sealed class ReplayCommand : Command<ReplaySettings>
{
    public override int Execute(CommandContext context, ReplaySettings settings, CancellationToken cancellationToken)
    {
        string? snapshotDirectory = settings.Snapshot, configPath = settings.Config;
        var trails = settings.Trails.ToList();
        if (settings.Sample)
        {
            var (directory, sampleConfig) = SampleAccount.Extract();
            snapshotDirectory = directory;
            configPath ??= sampleConfig;
            if (trails.Count == 0) trails.Add(SampleAccount.TrailDirectoryOf(directory));
        }

        AccountSnapshot? snapshot = null;
        IamHardenConfig? config = null;
        try
        {
            if (snapshotDirectory is not null) snapshot = SnapshotReader.Read(snapshotDirectory, BundledAwsManagedPolicies.Find);
            if (configPath is not null) config = ConfigReader.Read(configPath);
        }
        catch (ConfigException ex) { throw new UserInputException(ex.Message); }
        catch (SnapshotException ex) { throw new UserInputException(ex.Message); }

        var policies = ProposedPolicies(settings, snapshot, config);
        var users = settings.Users.ToHashSet(StringComparer.Ordinal);
        if (snapshot is not null)
            foreach (var name in users.Where(n => snapshot.Users.All(u => u.Name != n)))
                throw new UserInputException($"--user \"{name}\": no such user in the snapshot" +
                    (FuzzyMatch.Best(name, snapshot.Users.Select(u => u.Name)) is { } near ? $"; did you mean \"{near}\"?" : ""));

        var usersByName = snapshot?.Users.ToDictionary(u => u.Name, StringComparer.Ordinal);
        var usersByArn = snapshot?.Users.ToDictionary(u => u.Arn, StringComparer.Ordinal);
        var builder = new ReplayRequestBuilder(
            usersByName is null ? null : name => usersByName.GetValueOrDefault(name)?.Arn,
            usersByArn is null ? null : arn => usersByArn.GetValueOrDefault(arn)?.Tags);
        var options = new ReplayOptions { IncludeRoles = settings.IncludeRoles, Since = settings.ParsedSince, Until = settings.ParsedUntil };
        var replayer = new PolicyReplayer(policies, options, builder, users.Count == 0 ? null : p => users.Contains(p.Name));

        IReadOnlyList<string> files;
        try { files = CloudTrailReader.ExpandPaths(trails); }
        catch (CloudTrailException ex) { throw new UserInputException(ex.Message); }
        if (files.Count == 0) throw new UserInputException($"{string.Join(", ", trails)}: no CloudTrail files (*.json, *.json.gz, *.jsonl) found");

        ReplayReport report;
        try
        {
            if (settings.Format == "jsonl")
            {
                ReplayReport? result = null;
                OutputTarget.Stream(settings.Output, settings.Force, stream =>
                {
                    using var lines = new ReplayJsonLinesWriter(stream);
                    result = replayer.Run(CloudTrailReader.Read(files), lines.Write);
                });
                report = result!;
            }
            else report = replayer.Run(CloudTrailReader.Read(files));
        }
        catch (CloudTrailException ex) { throw new UserInputException(ex.Message); }
        report.FilesRead = files.Count;

        switch (settings.Format)
        {
            case "json": OutputTarget.Write(settings.Output, ReplayJsonWriter.Write(report), settings.Force); break;
            case "jsonl": Console.Error.WriteLine(ReplayTableRenderer.OneLine(report)); break;
            default:
                OutputTarget.WriteRendered(settings.Output, settings.Force, console => ReplayTableRenderer.Render(console, report, settings.Top));
                break;
        }
        return settings.FailOnDeny && report.WouldBeDenied > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>The policies to replay: those given on the command line, or the config's desired state.</summary>
    private static IReadOnlyList<ProposedPolicy> ProposedPolicies(ReplaySettings settings, AccountSnapshot? snapshot, IamHardenConfig? config)
    {
        var variant = settings.Variant == "guide" ? GuardrailVariant.Guide : GuardrailVariant.Recommended;
        var proposed = new List<ProposedPolicy>();
        bool explicitPolicies = settings.Policies.Length > 0 || settings.Mfa || settings.Cidrs.Length > 0;
        try
        {
            if (explicitPolicies)
            {
                var scope = settings.Groups.Length == 0 ? null : Members(snapshot!, settings.Groups, "--group");
                var (placement, kind) = settings.Placement switch
                {
                    "boundary" => (PolicyPlacement.PermissionsBoundary, PolicyKind.PermissionsBoundary),
                    "scp" => (PolicyPlacement.ServiceControl, PolicyKind.ServiceControl),
                    _ => (PolicyPlacement.Identity, PolicyKind.Identity),
                };
                foreach (var file in settings.Policies)
                    proposed.Add(new ProposedPolicy(PolicyFiles.Load(file, kind), placement, scope) { SourceFile = file });
                if (settings.Mfa)
                    proposed.Add(new ProposedPolicy(CompiledPolicy.Compile(GuardrailPolicies.Mfa(variant)), PolicyPlacement.Identity, scope));
                if (settings.Cidrs.Length > 0)
                {
                    var ip = new IpRestrictionOptions { Cidrs = settings.Cidrs, VpcEndpointIds = settings.VpcEndpoints, VpcSourceCidrs = settings.VpcSourceCidrs };
                    proposed.Add(new ProposedPolicy(CompiledPolicy.Compile(GuardrailPolicies.IpRestriction(variant, ip)), PolicyPlacement.Identity, scope));
                }
                return proposed;
            }

            // The desired state of `plan`/`apply`: the MFA policy for its groups, the IP policy for its groups.
            var source = config!.Source ?? "the config";
            if (config.Mfa.Groups.Count > 0)
                proposed.Add(new ProposedPolicy(CompiledPolicy.Compile(GuardrailPolicies.Mfa(variant, config.Mfa.PolicyName)), PolicyPlacement.Identity,
                    Members(snapshot!, config.Mfa.Groups, $"{source}: mfa.groups")));
            if (config.IpRestriction.Groups.Count > 0)
            {
                if (config.AllowedCidrs.Count == 0)
                    throw new UserInputException($"{source}: ipRestriction.groups is set but allowedCidrs is empty: the IP policy needs the approved ranges");
                var ip = new IpRestrictionOptions { Cidrs = config.AllowedCidrs, VpcEndpointIds = config.IpRestriction.VpcEndpoints, VpcSourceCidrs = config.IpRestriction.VpcSourceCidrs };
                proposed.Add(new ProposedPolicy(CompiledPolicy.Compile(GuardrailPolicies.IpRestriction(variant, ip, config.IpRestriction.PolicyName)), PolicyPlacement.Identity,
                    Members(snapshot!, config.IpRestriction.Groups, $"{source}: ipRestriction.groups")));
            }
            if (proposed.Count == 0)
                throw new UserInputException($"{source}: no desired state to replay (set mfa.groups or ipRestriction.groups), or give --policy, --mfa or --cidr");
            return proposed;
        }
        catch (GuardrailException ex)
        {
            throw new UserInputException(ex.Message);
        }
    }

    /// <summary>The ARNs of the members of <paramref name="groups"/>; every group must exist in the snapshot.</summary>
    private static HashSet<string> Members(AccountSnapshot snapshot, IEnumerable<string> groups, string what)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (snapshot.FindGroup(group) is null)
                throw new UserInputException($"{what}: no group \"{group}\" in the snapshot" +
                    (FuzzyMatch.Best(group, snapshot.Groups.Select(g => g.Name)) is { } near ? $"; did you mean \"{near}\"?" : ""));
            foreach (var user in snapshot.Users.Where(u => u.GroupNames.Contains(group, StringComparer.Ordinal))) members.Add(user.Arn);
        }
        return members;
    }
}
