using System.Text.Json;
using System.Xml.Linq;
using IamHarden.Analysis.Prover.Z3;

namespace IamHarden.Cli.Tests.Verify;

/// <summary>
/// `iamharden verify` as a process (issue 4): the recommended guardrails proved, the guide's traps
/// refuted with a counterexample whose `simulate` command line really reproduces it, JSON, the
/// SMT-LIB2 the solver gets, policy test files with JUnit XML, a missing libz3 and a solver time-out.
/// </summary>
public sealed class VerifyCommandTests : IDisposable
{
    private const string Cidr4 = "203.0.113.0/24";
    private const string Cidr6 = "2001:db8:1234::/48";
    private const string SourceIp = "source-ip=" + Cidr4 + "," + Cidr6;

    private readonly string _directory = Directory.CreateTempSubdirectory("iamharden-verify-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Fixture(string name) => Path.Combine(CliProcess.Fixtures, "verify", name);

    private static string AdministratorAccess => Repository.File("samples", "policies", "administrator-access.json");

    /// <summary>Runs `iamharden policy ...` and returns the file it wrote: the guardrails exactly as the tool hands them out.</summary>
    private string Generate(string name, params string[] args)
    {
        var path = Path.Combine(_directory, name);
        var run = CliProcess.Run(["policy", .. args, "--output", path]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return path;
    }

    private string[] RecommendedGuardrails(string source) => source == "generated"
        ? [Generate("Force_MFA.json", "mfa"), Generate("Restrict_Source_IP.json", "ip", "--cidr", Cidr4, "--cidr", Cidr6)]
        : [Repository.File("samples", "policies", "recommended-force-mfa.json"), Repository.File("samples", "policies", "recommended-ip-restriction.json")];

    private static string[] PolicyArgs(IEnumerable<string> files) => files.SelectMany(f => new[] { "--policy", f }).ToArray();

    private static JsonElement Json(CliOutput run)
    {
        Assert.True(run.Stderr == "", run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    private static Dictionary<string, string> Verdicts(JsonElement report) =>
        report.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("property").GetString()!, r => r.GetProperty("verdict").GetString()!);

    [Theory]
    [InlineData("generated")]
    [InlineData("samples")]
    public void Recommended_guardrails_with_administrator_access_prove_every_property(string source)
    {
        var policies = PolicyArgs([.. RecommendedGuardrails(source), AdministratorAccess]);
        var scp = Fixture("deny-leave-organization-scp.json");
        var run = CliProcess.Run([
            "verify", .. policies, "--scp", scp, "--format", "json", "--allow-service-calls",
            "--property", "mfa", "--property", SourceIp, "--property", "never=organizations:LeaveOrganization"]);
        Assert.Equal(0, run.ExitCode);
        var report = Json(run);
        Assert.Equal(new Dictionary<string, string> { ["mfa"] = "proved", [SourceIp] = "proved", ["never=organizations:LeaveOrganization"] = "proved" }, Verdicts(report));

        // Enrolment is proved from the office: outside it, the IP restriction denies everything (next test).
        var enrol = CliProcess.Run(["verify", .. policies, "--property", "mfa-enrollable", "--must-reset-password", "--context", "aws:SourceIp=203.0.113.10"]);
        Assert.Equal(0, enrol.ExitCode);
        Assert.Contains("PROVED for every request by arn:aws:iam::123456789012:user/alice", enrol.Stdout);
        Assert.EndsWith("1 property: 1 proved, 0 refuted (Z3 " + Z3Library.Version + ")\n", enrol.Stdout);
    }

    [Fact]
    public void Enrolment_from_outside_the_approved_networks_is_refuted_by_the_ip_restriction()
    {
        var run = CliProcess.Run(["verify", .. PolicyArgs([.. RecommendedGuardrails("samples"), AdministratorAccess]),
            "--property", "mfa-enrollable", "--must-reset-password", "--format", "json"]);
        Assert.Equal(1, run.ExitCode);
        var example = Json(run).GetProperty("results")[0].GetProperty("counterexample");
        Assert.Equal("explicitDeny", example.GetProperty("decision").GetString());
        Assert.Equal("DenyAccessFromUnapprovedNetworks", example.GetProperty("matchedStatements")[0].GetProperty("sid").GetString());
    }

    [Fact]
    public void Bool_instead_of_BoolIfExists_is_refuted_by_a_long_term_access_key_request()
    {
        var policies = PolicyArgs([Fixture("bool-force-mfa.json"), AdministratorAccess]);
        var json = CliProcess.Run(["verify", .. policies, "--property", "mfa", "--format", "json"]);
        Assert.Equal(1, json.ExitCode);
        var result = Json(json).GetProperty("results")[0];
        Assert.Equal("refuted", result.GetProperty("verdict").GetString());
        var example = result.GetProperty("counterexample");
        Assert.Equal("allowed", example.GetProperty("decision").GetString());
        Assert.False(example.GetProperty("context").TryGetProperty("aws:MultiFactorAuthPresent", out _));
        Assert.Contains("aws:MultiFactorAuthPresent", example.GetProperty("absentKeys").EnumerateArray().Select(k => k.GetString()));

        // The text output prints the same request as the command that reproduces it.
        var text = CliProcess.Run(["verify", .. policies, "--property", "mfa"]);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("  REFUTED (", text.Stdout);
        Assert.Matches(@"\n    absent     aws:MultiFactorAuthPresent\n", text.Stdout);
        var replay = text.Stdout.Split('\n').Single(l => l.StartsWith("  replay: ", StringComparison.Ordinal))["  replay: ".Length..];
        Assert.Equal(example.GetProperty("simulate").GetString(), replay);
        Assert.Equal("allowed", Simulate(replay));
    }

    /// <summary>Refuted properties of several kinds: the printed simulate command, run as a process, gives the counterexample's decision.</summary>
    [Theory]
    [InlineData("bool-mfa", "mfa")]
    [InlineData("bool-mfa", "mfa", "--any-user")]
    [InlineData("guide-mfa", "mfa-enrollable")]
    [InlineData("guide-mfa", "mfa-enrollable", "--principal", "arn:aws:iam::111122223333:user/engineering/Bob.O+x")]
    [InlineData("admin", "never=iam:*")]
    [InlineData("admin", SourceIp)]
    [InlineData("recommended", "never=s3:PutObject")]
    [InlineData("recommended", "mfa-enrollable", "--any-user")]
    public void Every_counterexample_replays_through_simulate_with_the_same_decision(string set, string property, params string[] options)
    {
        string[] files = set switch
        {
            "bool-mfa" => [Fixture("bool-force-mfa.json"), AdministratorAccess],
            "guide-mfa" => [Generate("guide.json", "mfa", "--variant", "guide"), AdministratorAccess],
            "recommended" => [.. RecommendedGuardrails("samples"), AdministratorAccess],
            _ => [AdministratorAccess],
        };
        string[] extra = property == "mfa-enrollable" ? ["--must-reset-password"] : [];
        var run = CliProcess.Run(["verify", .. PolicyArgs(files), "--property", property, .. extra, .. options, "--format", "json"]);
        Assert.Equal(1, run.ExitCode);
        var example = Json(run).GetProperty("results")[0].GetProperty("counterexample");
        Assert.Equal(example.GetProperty("decision").GetString(), Simulate(example.GetProperty("simulate").GetString()!));
    }

    /// <summary>Runs a printed `iamharden simulate ...` line as a process and returns its decision.</summary>
    private static string Simulate(string commandLine)
    {
        var words = ShellWords.Split(commandLine);
        Assert.Equal(["iamharden", "simulate"], words.Take(2));
        var run = CliProcess.Run([.. words.Skip(1), "--output", "json"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return Json(run).GetProperty("decision").GetString()!;
    }

    [Fact]
    public void Guide_mfa_policy_is_refuted_by_mfa_enrollable_only_for_a_user_who_must_reset_the_password()
    {
        var policies = PolicyArgs([Generate("guide.json", "mfa", "--variant", "guide"), AdministratorAccess]);
        var plain = CliProcess.Run(["verify", .. policies, "--property", "mfa-enrollable"]);
        Assert.Equal(0, plain.ExitCode);

        var reset = CliProcess.Run(["verify", .. policies, "--property", "mfa-enrollable", "--must-reset-password", "--format", "json"]);
        Assert.Equal(1, reset.ExitCode);
        var example = Json(reset).GetProperty("results")[0].GetProperty("counterexample");
        Assert.Contains(example.GetProperty("action").GetString(), new[] { "iam:ChangePassword", "iam:GetAccountPasswordPolicy" });
        Assert.Equal("explicitDeny", example.GetProperty("decision").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/alice", example.GetProperty("principal").GetString());
    }

    [Fact]
    public void Json_output_has_one_result_per_property_a_summary_the_principal_and_the_solver()
    {
        var run = CliProcess.Run(["verify", "--policy", Fixture("bool-force-mfa.json"), "--policy", AdministratorAccess,
            "--property", "mfa", "--property", "never=organizations:LeaveOrganization", "--scp", Fixture("deny-leave-organization-scp.json"), "--format", "json"]);
        Assert.Equal(1, run.ExitCode);
        var report = Json(run);
        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["mfa", "never=organizations:LeaveOrganization"], results.Select(r => r.GetProperty("property").GetString()));
        Assert.All(results, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("description").GetString()));
            Assert.True(r.GetProperty("elapsedMs").GetDouble() >= 0);
        });
        Assert.Equal(["refuted", "proved"], results.Select(r => r.GetProperty("verdict").GetString()));
        Assert.False(results[1].TryGetProperty("counterexample", out _));

        var example = results[0].GetProperty("counterexample");
        foreach (var field in new[] { "principal", "action", "resource", "decision", "simulate" })
            Assert.Equal(JsonValueKind.String, example.GetProperty(field).ValueKind);
        Assert.Equal(JsonValueKind.Object, example.GetProperty("context").ValueKind);
        Assert.Equal(JsonValueKind.Array, example.GetProperty("absentKeys").ValueKind);
        // Allowed: by the SCP (which allows everything but leaving the organization) and by AdministratorAccess.
        var statements = example.GetProperty("matchedStatements").EnumerateArray()
            .Select(s => (s.GetProperty("policy").GetString(), s.GetProperty("policyType").GetString(), s.GetProperty("effect").GetString())).ToList();
        Assert.Equal([(Fixture("deny-leave-organization-scp.json"), "scp", "Allow"), (AdministratorAccess, "identity", "Allow")], statements);
        Assert.Contains("--scp " + Fixture("deny-leave-organization-scp.json"), example.GetProperty("simulate").GetString());

        var summary = report.GetProperty("summary");
        Assert.Equal((1, 1, 0, 0), (summary.GetProperty("proved").GetInt32(), summary.GetProperty("refuted").GetInt32(),
            summary.GetProperty("unknown").GetInt32(), summary.GetProperty("internalError").GetInt32()));
        Assert.Equal("arn:aws:iam::123456789012:user/alice", report.GetProperty("principal").GetString());
        Assert.Equal("Z3 " + Z3Library.Version, report.GetProperty("solver").GetString());
    }

    [Fact]
    public void Emit_smt2_writes_the_queries_z3_decides_the_same_way()
    {
        var smt2 = Path.Combine(_directory, "query.smt2");
        var run = CliProcess.Run(["verify", "--policy", Fixture("bool-force-mfa.json"), "--policy", AdministratorAccess,
            "--property", "mfa", "--property", "never=organizations:LeaveOrganization", "--scp", Fixture("deny-leave-organization-scp.json"), "--emit-smt2", smt2]);
        Assert.Equal(1, run.ExitCode);
        var text = File.ReadAllText(smt2);
        var commands = text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(';')).ToList();
        Assert.StartsWith("(set-option :timeout ", commands[0]);
        Assert.StartsWith("(declare-const ", commands[1]);
        Assert.Equal(2, commands.Count(c => c == "(check-sat)"));
        Assert.Equal("(check-sat)", commands[^1]);

        // The file is SMT-LIB2 Z3 accepts as it is, and its answers are the verdicts: sat = refuted, unsat = proved.
        using var session = new Z3Session();
        Assert.Equal(["sat", "unsat"], session.Run(text).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
    }

    [Fact]
    public void Emit_smt2_does_not_replace_a_file_without_force()
    {
        var smt2 = Path.Combine(_directory, "query.smt2");
        File.WriteAllText(smt2, "keep me");
        string[] args = ["verify", "--policy", AdministratorAccess, "--property", "never=iam:*", "--emit-smt2", smt2];
        var refused = CliProcess.Run(args);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(smt2));
        Assert.Equal(1, CliProcess.Run([.. args, "--force"]).ExitCode);
        Assert.Contains("(check-sat)", File.ReadAllText(smt2));
    }

    [Fact]
    public void The_sample_policy_test_file_passes_and_writes_junit_xml()
    {
        var junit = Path.Combine(_directory, "results.xml");
        var run = CliProcess.Run("verify", "--tests", Repository.File("samples", "verify", "guardrails.test.yaml"), "--junit", junit);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var passes = run.Stdout.Split('\n').Count(l => l.StartsWith("PASS ", StringComparison.Ordinal));
        Assert.Equal(12, passes);
        Assert.EndsWith("12 cases: 12 passed, 0 failed, 0 undecided\n", run.Stdout);

        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal(("12", "0", "0"), ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("errors")!));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(12, cases.Count);
        Assert.Equal(8, cases.Count(c => (string)c.Attribute("classname")! == "requests"));
        Assert.Equal(4, cases.Count(c => (string)c.Attribute("classname")! == "properties"));
        Assert.All(cases, c => Assert.Empty(c.Elements()));
        Assert.Equal("Z3 " + Z3Library.Version, (string)suite.Element("properties")!.Element("property")!.Attribute("value")!);
    }

    [Fact]
    public void A_failing_policy_test_file_exits_1_and_its_junit_xml_names_the_failures_with_replays()
    {
        var junit = Path.Combine(_directory, "results.xml");
        var tests = Fixture("failing.test.yaml");
        var run = CliProcess.Run("verify", "--tests", tests, "--junit", junit);
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.Equal(2, lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal)));
        Assert.Contains($"FAIL  {tests}:15:5: long-term access keys cannot skip MFA", run.Stdout);
        Assert.EndsWith("5 cases: 2 passed, 3 failed, 0 undecided\n", run.Stdout);

        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal(("5", "3", "0"), ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("errors")!));
        var failures = suite.Elements("testcase").Where(c => c.Element("failure") is not null).ToList();
        Assert.Equal(["long-term access keys cannot skip MFA", "an administrator with MFA is denied (a wrong expectation)", "MFA is required for everything but MFA enrolment"],
            failures.Select(f => (string)f.Attribute("name")!));
        Assert.All(failures, f => Assert.Contains("replay: iamharden simulate ", f.Element("failure")!.Value));

        // The failed property's replay is a real counterexample: simulate allows it.
        var replay = failures[2].Element("failure")!.Value.Split('\n').Single(l => l.StartsWith("replay: ", StringComparison.Ordinal))["replay: ".Length..];
        Assert.Equal("allowed", Simulate(replay));
    }

    [Fact]
    public void Without_libz3_verify_exits_2_and_says_how_to_install_it()
    {
        var missing = new Dictionary<string, string?> { ["IAMHARDEN_LIBZ3"] = Path.Combine(_directory, "no-such-libz3.so") };
        var run = CliProcess.Run(["verify", "--policy", AdministratorAccess, "--property", "mfa"], environment: missing);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("no-such-libz3.so (IAMHARDEN_LIBZ3) could not be loaded", run.Stderr);
        Assert.Contains("sudo apt-get install libz3-4", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);

        var tests = CliProcess.Run(["verify", "--tests", Repository.File("samples", "verify", "guardrails.test.yaml")], environment: missing);
        Assert.Equal(2, tests.ExitCode);
        Assert.Contains("sudo apt-get install libz3-4", tests.Stderr);

        // Concrete requests need no solver.
        var requests = CliProcess.Run(["verify", "--tests", Fixture("requests-only.test.yaml")], environment: missing);
        Assert.Equal(0, requests.ExitCode);
        Assert.EndsWith("1 case: 1 passed, 0 failed, 0 undecided\n", requests.Stdout);
    }

    [Fact]
    public void A_solver_time_out_is_unknown_never_proved()
    {
        // Proved with the default time limit (first test); one millisecond is not enough to decide it.
        string[] args = ["verify", .. PolicyArgs([.. RecommendedGuardrails("samples"), AdministratorAccess]), "--any-user", "--allow-service-calls",
            "--property", "mfa", "--property", SourceIp, "--timeout", "0.001"];
        var json = CliProcess.Run([.. args, "--format", "json"]);
        Assert.Equal(1, json.ExitCode);
        var report = Json(json);
        Assert.Equal(new Dictionary<string, string> { ["mfa"] = "unknown", [SourceIp] = "unknown" }, Verdicts(report));
        Assert.All(report.GetProperty("results").EnumerateArray(), r => Assert.Contains("ran out of time", r.GetProperty("reason").GetString()));
        Assert.Equal(0, report.GetProperty("summary").GetProperty("proved").GetInt32());

        var text = CliProcess.Run(args);
        Assert.Equal(1, text.ExitCode);
        Assert.DoesNotContain("PROVED", text.Stdout);
        Assert.Contains("UNKNOWN", text.Stdout);
        Assert.Contains("this is not a proof", text.Stdout);
    }

    [Fact]
    public void A_construct_the_prover_does_not_model_is_unknown_with_the_reason_never_proved()
    {
        // aws:PrincipalTag/level is compared both as text and as a number.
        var smt2 = Path.Combine(_directory, "query.smt2");
        var run = CliProcess.Run("verify", "--policy", Fixture("mixed-key-types.json"), "--property", "never=iam:*", "--format", "json", "--emit-smt2", smt2);
        Assert.Equal(1, run.ExitCode);
        var result = Json(run).GetProperty("results")[0];
        Assert.Equal("unknown", result.GetProperty("verdict").GetString());
        Assert.Equal("the policies read aws:PrincipalTag/level both as text and as Numeric; the prover does not model that mix", result.GetProperty("reason").GetString());
        Assert.StartsWith("; property never=iam:*: not encoded: ", File.ReadAllText(smt2));
    }

    [Fact]
    public void Help_lists_every_property()
    {
        // Option descriptions are Spectre markup: "mfa[=ACTION,...]" unescaped crashed this page.
        var run = CliProcess.Run("verify", "--help");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("mfa[=ACTION,...], mfa-enrollable[=ACTION,...], source-ip=CIDR,..., never=ACTION_PATTERN", run.Stdout);
    }

    [Fact]
    public void Undecided_cases_are_errors_in_junit_never_passes()
    {
        var junit = Path.Combine(_directory, "results.xml");
        var tests = Fixture("undecided.test.yaml");
        var run = CliProcess.Run("verify", "--tests", tests, "--junit", junit);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"ERROR {tests}:16:5: an admin-level user can list users", run.Stdout);
        Assert.Contains("      expected allowed, but the request cannot be evaluated: context key \"aws:PrincipalTag/level\" has the value \"admin\", which is not a number\n", run.Stdout);
        Assert.Contains($"ERROR {tests}:22:5: nothing in IAM is ever allowed", run.Stdout);
        Assert.Contains("      unknown: the policies read aws:PrincipalTag/level both as text and as Numeric", run.Stdout);
        Assert.EndsWith("3 cases: 1 passed, 0 failed, 2 undecided\n", run.Stdout);

        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal(("3", "0", "2"), ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("errors")!));
        Assert.Equal(["an admin-level user can list users", "nothing in IAM is ever allowed"],
            suite.Elements("testcase").Where(c => c.Element("error") is { } e && (string)e.Attribute("type")! == "undecided").Select(c => (string)c.Attribute("name")!));
    }
}
