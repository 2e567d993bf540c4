using System.Text.Json;

namespace IamHarden.Cli.Tests.Replay;

/// <summary>`iamharden replay` as a process: the sample history, output formats, exit codes, bad input.</summary>
public class ReplayCommandTests
{
    private static string Fixture(params string[] parts) => Path.Combine([CliProcess.Fixtures, "replay", .. parts]);

    [Fact]
    public void The_sample_replays_the_desired_guardrails_and_names_who_would_be_refused()
    {
        var run = CliProcess.Run("replay", "--sample");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Force_MFA (identity policy, 22 users)", run.Stdout);
        Assert.Contains("Restrict_Source_IP (identity policy, 5 users)", run.Stdout);
        Assert.Matches(@"\d+ of \d+ calls by \d+ principals would have been refused", run.Stdout);
        Assert.Contains("user/emergency/walter", run.Stdout);
        Assert.Contains("iamharden simulate --policy Force_MFA.json", run.Stdout);
    }

    [Fact]
    public void Json_and_jsonl_agree_with_each_other()
    {
        var json = CliProcess.Run("replay", "--sample", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var summary = document.RootElement.GetProperty("summary");
        var denied = summary.GetProperty("wouldBeDenied").GetInt64();
        Assert.True(denied > 0);
        var groups = document.RootElement.GetProperty("denied").EnumerateArray().ToList();
        Assert.Equal(denied, groups.Sum(g => g.GetProperty("count").GetInt64()));
        Assert.All(groups, g => Assert.Equal("explicitDeny", g.GetProperty("example").GetProperty("decision").GetString()));
        Assert.EndsWith("Z", groups[0].GetProperty("first").GetString());

        var lines = CliProcess.Run("replay", "--sample", "--format", "jsonl");
        Assert.Equal(0, lines.ExitCode);
        var parsed = lines.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(denied, parsed.Count);
        Assert.All(parsed, l => Assert.NotEqual("allowed", l.GetProperty("decision").GetString()));
        Assert.Contains($"{denied:N0} would have been refused", lines.Stderr);
    }

    [Fact]
    public void Explicit_policies_for_a_group_and_fail_on_deny()
    {
        var trail = Fixture("records.json");
        var run = CliProcess.Run("replay", "--trail", trail, "--sample", "--group", "Admins", "--cidr", "203.0.113.0/24", "--fail-on-deny", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var principals = document.RootElement.GetProperty("principals").EnumerateArray().Select(p => p.GetProperty("principal").GetString()).ToList();
        // Only Admins members are decided (alice and bob are Admins; dave, a developer, is out of scope).
        Assert.Contains("arn:aws:iam::111122223333:user/alice", principals);
        Assert.DoesNotContain("arn:aws:iam::111122223333:user/engineering/dave", principals);

        var quiet = CliProcess.Run("replay", "--trail", trail, "--user", "carol", "--mfa", "--fail-on-deny");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Contains("No call in the trail was decided", quiet.Stdout);
    }

    [Fact]
    public void A_policy_file_is_named_in_the_reproducing_command()
    {
        var policy = Fixture("policies", "bool-force-mfa.json");
        var run = CliProcess.Run("replay", "--trail", Fixture("records.json"), "--policy", policy, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var example = document.RootElement.GetProperty("denied")[0].GetProperty("example");
        Assert.StartsWith("iamharden simulate --policy " + policy, example.GetProperty("simulate").GetString());
        // The Bool variant lets bob's long-term access-key calls through.
        Assert.DoesNotContain(document.RootElement.GetProperty("denied").EnumerateArray(), g => g.GetProperty("principal").GetString()!.EndsWith("/bob"));
    }

    [Theory]
    [InlineData(new[] { "replay", "--mfa" }, "give --trail")]
    [InlineData(new[] { "replay", "--trail", "X" }, "nothing to replay")]
    [InlineData(new[] { "replay", "--trail", "/nonexistent", "--mfa" }, "/nonexistent: no such file or directory")]
    [InlineData(new[] { "replay", "--sample", "--group", "Admin", "--mfa" }, "no group \"Admin\" in the snapshot; did you mean \"Admins\"?")]
    [InlineData(new[] { "replay", "--sample", "--user", "alise" }, "did you mean \"alice\"?")]
    [InlineData(new[] { "replay", "--trail", "X", "--mfa", "--group", "Admins" }, "--group needs --snapshot")]
    [InlineData(new[] { "replay", "--trail", "X", "--cidr", "10.0.0.0/8" }, "aws:SourceIp only ever holds the public address")]
    [InlineData(new[] { "replay", "--trail", "X", "--mfa", "--since", "last week" }, "--since must be an ISO 8601 timestamp")]
    [InlineData(new[] { "replay", "--sample", "--format", "xml" }, "--format must be table, json or jsonl")]
    public void Bad_options_exit_2_with_a_message(string[] args, string expected)
    {
        var run = CliProcess.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void A_broken_trail_file_is_positioned_and_exits_2()
    {
        var run = CliProcess.Run("replay", "--trail", Fixture("truncated.json"), "--mfa");
        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"truncated\.json:\d+:\d+: invalid JSON", run.Stderr);
    }

    [Fact]
    public void Output_files_are_not_replaced_without_force()
    {
        var directory = Directory.CreateTempSubdirectory("iamharden-replay-").FullName;
        try
        {
            var output = Path.Combine(directory, "replay.jsonl");
            File.WriteAllText(output, "keep me");
            var refused = CliProcess.Run("replay", "--sample", "--format", "jsonl", "--output", output);
            Assert.Equal(2, refused.ExitCode);
            Assert.Equal("keep me", File.ReadAllText(output));
            Assert.Equal(0, CliProcess.Run("replay", "--sample", "--format", "jsonl", "--output", output, "--force").ExitCode);
            Assert.StartsWith("{\"eventId\":", File.ReadAllText(output));
            Assert.Single(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
