using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Analysis.Configuration;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Tests.Audit;

/// <summary>
/// Builds small accounts for check tests: groups and users with policies taken from
/// tests/fixtures/audit/policies (by file name) or from the bundled AWS managed policies
/// ("aws:ReadOnlyAccess"), credentials as the credential report would give them.
/// </summary>
internal sealed class TestAccount
{
    public const string Account = "111122223333";
    public static readonly DateTimeOffset AsOf = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, ManagedPolicy> _policies = new(StringComparer.Ordinal);
    private readonly List<IamGroup> _groups = [];
    private readonly List<IamUser> _users = [];
    private readonly Dictionary<string, long> _summary = new() { ["AccountMFAEnabled"] = 1, ["AccountAccessKeysPresent"] = 0 };
    private readonly List<VirtualMfaDevice> _devices = [];
    private CredentialReportRow? _root = new("<root_account>", $"arn:aws:iam::{Account}:root", null, null, AsOf.AddDays(-400), null, true,
        [new AccessKeyInfo(1, false, null, null, null, null), new AccessKeyInfo(2, false, null, null, null, null)], 2);
    private PasswordPolicy? _passwordPolicy = new(14, true, true, true, true, true, false, null, 24, false);

    public IamHardenConfig Config { get; set; } = new() { AllowedCidrs = ["203.0.113.0/24", "2001:db8:1234::/48"], BreakGlass = new() { Users = ["glass"] } };

    /// <summary>A managed policy reference: "aws:Name" for AWS managed, otherwise a fixture file name (customer managed).</summary>
    public AttachedPolicy Policy(string reference) => Policy(reference, attachments: 1);

    private AttachedPolicy Policy(string reference, int attachments)
    {
        if (reference.StartsWith("aws:", StringComparison.Ordinal))
        {
            var arn = "arn:aws:iam::aws:policy/" + reference[4..];
            _policies[arn] = BundledAwsManagedPolicies.Find(arn) ?? throw new InvalidOperationException("no AWS managed policy " + reference);
            return new AttachedPolicy(reference[4..], arn);
        }
        var customerArn = $"arn:aws:iam::{Account}:policy/{reference}";
        if (!_policies.ContainsKey(customerArn))
        {
            var document = PolicyParser.Parse(Fixtures.AuditPolicy(reference), reference).GetDocumentOrThrow(reference);
            _policies[customerArn] = new ManagedPolicy(customerArn, reference, "/", "v1", document, attachments, 1);
        }
        return new AttachedPolicy(reference, customerArn);
    }

    public TestAccount Group(string name, params string[] policies)
    {
        _groups.Add(new IamGroup(name, "/", $"arn:aws:iam::{Account}:group/{name}", "AGPA" + name, [], policies.Select(p => Policy(p)).ToList()));
        return this;
    }

    public TestAccount User(string name, string[]? groups = null, bool console = true, bool mfa = true, int keys = 0, int keyAgeDays = 10,
        int? passwordLastUsedDaysAgo = 1, string[]? attached = null, string? boundary = null, string? inline = null, string path = "/",
        int? keyLastUsedDaysAgo = 1)
    {
        var arn = $"arn:aws:iam::{Account}:user{path}{name}";
        var accessKeys = Enumerable.Range(1, 2).Select(slot => slot <= keys
            ? new AccessKeyInfo(slot, true, AsOf.AddDays(-keyAgeDays), keyLastUsedDaysAgo is { } used ? AsOf.AddDays(-used) : null, "s3", "us-east-1")
            : new AccessKeyInfo(slot, false, null, null, null, null)).ToList();
        var credentials = new CredentialReportRow(name, arn, AsOf.AddDays(-300), console,
            console && passwordLastUsedDaysAgo is { } pw ? AsOf.AddDays(-pw) : null, console ? AsOf.AddDays(-250) : null, mfa, accessKeys, 3 + _users.Count);
        var inlinePolicies = inline is null ? [] : new List<InlinePolicy>
            { new(inline, arn, PolicyParser.Parse(Fixtures.AuditPolicy(inline), inline).GetDocumentOrThrow(inline)) };
        _users.Add(new IamUser(name, path, arn, "AIDA" + name.ToUpperInvariant(), AsOf.AddDays(-300), groups ?? [], inlinePolicies,
            (attached ?? []).Select(p => Policy(p)).ToList(), boundary is null ? null : Policy(boundary, attachments: 0).Arn, new Dictionary<string, string>()) { Credentials = credentials });
        if (mfa) _devices.Add(new VirtualMfaDevice($"arn:aws:iam::{Account}:mfa/{name}", arn, AsOf.AddDays(-200)));
        return this;
    }

    public TestAccount Summary(string key, long value) { _summary[key] = value; return this; }
    public TestAccount RootDevice(bool isVirtual) { if (isVirtual) _devices.Add(new VirtualMfaDevice($"arn:aws:iam::{Account}:mfa/root", $"arn:aws:iam::{Account}:root", null)); return this; }
    public TestAccount Root(CredentialReportRow? row) { _root = row; return this; }
    public TestAccount Password(PasswordPolicy? policy) { _passwordPolicy = policy; return this; }

    public AccountSnapshot Build() => new(Account, "aws", _users, _groups, [], _policies, _root, _summary, _passwordPolicy, _devices, []);

    public AuditReport Audit(params string[] checks) => AuditRunner.Run(Build(), new AuditRunner.Options
    {
        Config = Config,
        AsOf = AsOf,
        OnlyChecks = checks,
        Access = new SearchAccessAnalyzer(AsOf),
    });

    public List<Finding> Findings(string check) => Audit(check).Findings.Where(f => f.Check.Id == check).ToList();

    public static string UserArn(string name, string path = "/") => $"arn:aws:iam::{Account}:user{path}{name}";
}
