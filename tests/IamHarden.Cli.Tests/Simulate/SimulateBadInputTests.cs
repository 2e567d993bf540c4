using System.Text;
using System.Text.Json;

namespace IamHarden.Cli.Tests.Simulate;

/// <summary>
/// Bad input through `simulate` (issue: malformed JSON, wrong types, unknown operators, malformed
/// CIDRs or dates, empty files, a 50 MB file, deeply nested arrays, invalid UTF-8): a positioned
/// error (file:line:column: error CODE: what was expected), exit code 2, no stack trace, no hang.
/// </summary>
public class SimulateBadInputTests
{
    private static string Invalid(string name) => Path.Combine(CliProcess.Fixtures, "policies", "invalid", name);

    public sealed record Expectation(string File, string Code, int Line, int Column, string Message);

    public static TheoryData<string> InvalidPolicies()
    {
        var data = new TheoryData<string>();
        foreach (var e in Manifest()) data.Add(e.File);
        return data;
    }

    private static List<Expectation> Manifest() =>
        JsonSerializer.Deserialize<List<Expectation>>(File.ReadAllText(Invalid("manifest.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    private static void AssertCleanFailure(CliOutput run)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void Each_malformed_policy_file_is_a_positioned_error(string file)
    {
        // Malformed JSON, Effect: 3, unknown operators, bad CIDR/date/number/bool, empty and
        // whitespace-only files, 100-deep nesting, invalid UTF-8, duplicate keys, ...
        var expected = Manifest().Single(e => e.File == file);
        var path = Invalid(file);
        var run = CliProcess.Run("simulate", "--policy", path, "--action", "s3:GetObject");
        AssertCleanFailure(run);
        // Every error is one compiler-style line; the one the fixture is about is among them.
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.Matches(@"^.+:\d+:\d+: error [A-Z_]+: ", l));
        var line = Assert.Single(lines, l => l.StartsWith($"{path}:{expected.Line}:{expected.Column}: error {expected.Code}: ", StringComparison.Ordinal));
        Assert.Contains(expected.Message, line);
    }

    [Theory]
    [InlineData("--boundary")]
    [InlineData("--scp")]
    [InlineData("--rcp")]
    [InlineData("--session-policy")]
    [InlineData("--resource-policy")]
    public void Every_policy_option_reports_its_file_positioned(string option)
    {
        var path = Invalid("effect-number.json");
        var run = CliProcess.Run("simulate", option, path, "--action", "s3:GetObject");
        AssertCleanFailure(run);
        Assert.StartsWith($"{path}:", run.Stderr);
    }

    [Fact]
    public void Every_error_of_a_policy_is_listed_not_only_the_first()
    {
        var dir = Directory.CreateTempSubdirectory("iamharden-bad-");
        try
        {
            var path = Path.Combine(dir.FullName, "two-errors.json");
            File.WriteAllText(path, "{\"Version\":\"2012-10-17\",\"Statement\":[\n{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"},\n{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2025-02-30\"}}}]}\n");
            var run = CliProcess.Run("simulate", "--policy", path, "--action", "s3:GetObject");
            AssertCleanFailure(run);
            var lines = run.Stderr.TrimEnd('\n').Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"{path}:2:11: error INVALID_EFFECT:", lines[0]);
            Assert.StartsWith($"{path}:3:93: error INVALID_CONDITION_VALUE:", lines[1]);
            Assert.Contains("a date", lines[1]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_50_MB_policy_file_is_refused_at_once_with_its_position()
    {
        var dir = Directory.CreateTempSubdirectory("iamharden-bad-");
        try
        {
            var path = Path.Combine(dir.FullName, "huge.json");
            using (var file = File.Create(path))
            {
                file.Write("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\",\"Action\":["u8);
                var item = "\"s3:GetObject\","u8.ToArray();
                for (long written = 0; written < 50L * 1024 * 1024; written += item.Length) file.Write(item);
                file.Write("\"s3:PutObject\"]}]}"u8);
            }
            var run = CliProcess.Run(["simulate", "--policy", path, "--action", "s3:GetObject"], timeout: TimeSpan.FromMinutes(1));
            AssertCleanFailure(run);
            Assert.Contains($"{path}:1:1: the policy file is 50 MB; at most 1024 KB is accepted", run.Stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "--action", "s3:*" }, "--action: the action \"s3:*\" is not one action")]
    [InlineData(new[] { "--action", "GetObject" }, "--action: the action \"GetObject\" is not one action")]
    [InlineData(new[] { "--action", "s3:GetObject", "--resource", "my-bucket" }, "--resource: the resource \"my-bucket\" is not an ARN")]
    [InlineData(new[] { "--action", "s3:GetObject", "--context", "aws:SourceIp" }, "--context \"aws:SourceIp\": expected KEY=VALUE")]
    [InlineData(new[] { "--action", "s3:GetObject", "--context", "aws:TagKeys=[\"a\",1]" }, "a list must be a JSON array of strings")]
    [InlineData(new[] { "--action", "s3:GetObject", "--principal", "alice" }, "--principal \"alice\": expected an ARN")]
    [InlineData(new[] { "--action", "s3:GetObject", "--resource-account", "4444" }, "--resource-account must be a 12-digit account id")]
    [InlineData(new[] { "--action", "s3:GetObject", "--output", "xml" }, "--output must be text, json or jsonl")]
    [InlineData(new[] { "--resource", "*" }, "give --action (one request) or --requests FILE.jsonl")]
    [InlineData(new[] { "--action", "s3:GetObject", "--requests", "r.jsonl" }, "give either --action or --requests, not both")]
    [InlineData(new[] { "--action", "s3:GetObject", "--policy", "no-such-file.json" }, "no-such-file.json: no such policy file")]
    [InlineData(new[] { "--requests", "no-such-file.jsonl" }, "no-such-file.jsonl: no such requests file")]
    [InlineData(new[] { "--action", "s3:GetObject", "--no-such-option" }, "no-such-option")]
    public void Bad_options_are_explained_with_exit_code_2(string[] args, string message)
    {
        var run = CliProcess.Run(["simulate", .. args]);
        AssertCleanFailure(run);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public void A_requests_file_that_is_a_directory_is_refused()
    {
        var dir = Directory.CreateTempSubdirectory("iamharden-bad-");
        try
        {
            var run = CliProcess.Run("simulate", "--requests", dir.FullName);
            AssertCleanFailure(run);
            Assert.Contains("is a directory", run.Stderr);
        }
        finally
        {
            dir.Delete();
        }
    }

    [Fact]
    public void An_empty_requests_file_is_an_empty_batch()
    {
        var run = CliProcess.Run(["simulate", "--requests", "-"], stdin: "");
        Assert.Equal((0, "", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Theory]
    // Each bad line gets its own error line, positioned in the line, and the batch goes on.
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\"", "line 1, column 34: invalid JSON: the text ends before every { and [ is closed")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\",}", "line 1, column 35: invalid JSON: a comma before the closing bracket; JSON allows no trailing comma\"")]
    [InlineData("[\"s3:GetObject\"]", "line 1, column 1: expected a JSON object")]
    [InlineData("{\"id\":\"x\",\"action\":3}", "line 1, column 20: \\\"action\\\" must be a string")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\",\"context\":{\"aws:SourceIp\":true}}", "line 1, column 61: context key \\\"aws:SourceIp\\\" must be a string or an array of strings")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\",\"context\":{\"aws:TagKeys\":[\"a\",null]}}", "line 1, column 65: context key \\\"aws:TagKeys\\\" must hold strings only")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\",\"action\":\"iam:CreateUser\"}", "line 1, column 35: \\\"action\\\" is given twice")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\",\"context\":{\"aws:SourceIp\":\"1.2.3.4\",\"AWS:SOURCEIP\":\"5.6.7.8\"}}", "line 1, column 71: context key \\\"AWS:SOURCEIP\\\" is given twice (keys are case-insensitive)")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:*\"}", "line 1: the action \\\"s3:*\\\" is not one action")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\",\"resource\":\"bucket\"}", "line 1: the resource \\\"bucket\\\" is not an ARN")]
    [InlineData("{\"id\":\"x\",\"principal\":\"bob\",\"action\":\"s3:GetObject\"}", "line 1, column 23: \\\"principal\\\" is not a principal ARN")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\",\"policies\":{}}", "line 1, column 46: \\\"policies\\\" must be an array")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\",\"policies\":[{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/33\"}}}]}]}", "line 1, column 148: policy #0: INVALID_CONDITION_VALUE")]
    [InlineData("{\"id\":\"x\",\"action\":\"s3:GetObject\",\"policies\":[{\"Statement\":[{\"Effect\":\"Allow\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}]}", "line 1, column 79: policy #0: DUPLICATE_JSON_KEY")]
    public void Bad_request_lines_get_a_positioned_error_line(string line, string message)
    {
        var run = CliProcess.Run(["simulate", "--requests", "-"], stdin: line + "\n{\"id\":\"next\",\"action\":\"s3:GetObject\"}\n");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"decision\":\"error\",\"error\":\"" + message, lines[0]);
        Assert.Equal("{\"id\":\"next\",\"decision\":\"implicitDeny\"}", lines[1]);
    }

    [Fact]
    public void Invalid_UTF8_and_deep_nesting_in_request_lines_are_error_lines()
    {
        var path = Path.Combine(Path.GetTempPath(), $"iamharden-bad-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path,
        [
            .. "{\"id\":\"bad\",\"action\":\"s3:Get"u8, 0xFF, .. "\"}\n"u8,
            .. Encoding.UTF8.GetBytes("{\"id\":\"deep\",\"x\":" + new string('[', 500) + new string(']', 500) + ",\"action\":\"s3:GetObject\"}\n"),
        ]);
        try
        {
            var run = CliProcess.Run("simulate", "--requests", path);
            Assert.Equal(0, run.ExitCode);
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("{\"id\":null,\"decision\":\"error\",\"error\":\"line 1, column 29: invalid UTF-8 byte 0xFF; request lines must be UTF-8\"}", lines[0]);
            Assert.StartsWith("{\"id\":\"deep\",\"decision\":\"error\",\"error\":\"line 2, column 81: invalid JSON: The maximum configured depth of 64 has been exceeded", lines[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_line_with_hundreds_of_thousands_of_context_keys_is_decided_without_hanging()
    {
        var path = Path.Combine(Path.GetTempPath(), $"iamharden-keys-{Guid.NewGuid():N}.jsonl");
        try
        {
            var keys = string.Join(",", Enumerable.Range(0, 300_000).Select(i => $"\"k{i}\":\"v\""));
            File.WriteAllText(path, "{\"id\":\"many\",\"action\":\"s3:GetObject\",\"context\":{" + keys + ",\"K17\":\"again\"}}\n{\"id\":\"next\",\"action\":\"s3:GetObject\"}\n");
            var run = CliProcess.Run(["simulate", "--requests", path], timeout: TimeSpan.FromMinutes(2));
            Assert.Equal(0, run.ExitCode);
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("context key \\\"K17\\\" is given twice (keys are case-insensitive)", lines[0]);
            Assert.Equal("{\"id\":\"next\",\"decision\":\"implicitDeny\"}", lines[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_line_longer_than_16_MB_stops_the_batch_with_exit_code_2_after_the_answers_so_far()
    {
        var path = Path.Combine(Path.GetTempPath(), $"iamharden-long-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var file = File.Create(path))
            {
                file.Write("{\"id\":1,\"action\":\"s3:GetObject\"}\n{\"id\":2,\"action\":\"s3:GetObject\",\"pad\":\""u8);
                file.Write(Enumerable.Repeat((byte)'x', 17 * 1024 * 1024).ToArray());
                file.Write("\"}\n"u8);
            }
            var run = CliProcess.Run(["simulate", "--requests", path], timeout: TimeSpan.FromMinutes(1));
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("{\"id\":1,\"decision\":\"implicitDeny\"}\n", run.Stdout);
            Assert.StartsWith($"{path}:2:1: error LINE_TOO_LONG: line 2 is longer than 16 MB", run.Stderr);
            Assert.DoesNotContain("   at ", run.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
