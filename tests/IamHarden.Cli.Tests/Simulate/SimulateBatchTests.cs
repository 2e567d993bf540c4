using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace IamHarden.Cli.Tests.Simulate;

/// <summary>
/// `iamharden simulate --requests FILE.jsonl --output jsonl` as a process (PRODUCT.md contract):
/// one result line per request in input order, lines with their own policies, "error" lines that
/// do not stop the batch, standard input, --explain, and answers streamed while input still arrives.
/// </summary>
public class SimulateBatchTests
{
    private static string Fixture(string name) => SimulateCommandTests.Policy(name);

    private static readonly string[] Guide =
        ["--policy", Fixture("guide-force-mfa.json"), "--policy", Fixture("guide-ip-restriction.json"), "--policy", Fixture("allow-all.json")];

    [Fact]
    public void Every_request_gets_its_line_in_order_and_errors_do_not_stop_the_batch()
    {
        var run = CliProcess.Run(["simulate", .. Guide, "--requests", Fixture("requests.jsonl"), "--output", "jsonl"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        // The expected file was checked line by line against the policies (see the fixture's README).
        Assert.Equal(File.ReadAllText(Fixture("requests.expected.jsonl")), run.Stdout);
    }

    [Fact]
    public void Output_defaults_to_jsonl_and_standard_input_works()
    {
        var input = File.ReadAllText(Fixture("requests.jsonl"));
        var run = CliProcess.Run(["simulate", .. Guide, "--requests", "-"], stdin: input);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Fixture("requests.expected.jsonl")), run.Stdout);
    }

    [Fact]
    public void A_lines_own_policies_replace_the_command_line_policies_for_that_line_only()
    {
        var lines = new[]
        {
            """{"id":"a","action":"s3:PutObject","resource":"arn:aws:s3:::b/k","policies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}]}""",
            """{"id":"b","action":"s3:PutObject","resource":"arn:aws:s3:::b/k"}""",
            """{"id":"c","action":"s3:PutObject","resource":"arn:aws:s3:::b/k","policies":[]}""",
        };
        var run = CliProcess.Run(["simulate", "--policy", Fixture("session-get-only.json"), "--requests", "-"], stdin: string.Join("\n", lines) + "\n");
        Assert.Equal("""
            {"id":"a","decision":"allowed"}
            {"id":"b","decision":"implicitDeny"}
            {"id":"c","decision":"implicitDeny"}

            """.Replace("\r", ""), run.Stdout);
    }

    [Fact]
    public void Context_is_exactly_as_given_and_the_principal_defaults_to_alice()
    {
        // ${aws:username} resolves only when the line gives aws:username; nothing is derived from the principal.
        var lines = new[]
        {
            """{"id":"given","action":"iam:ChangePassword","resource":"arn:aws:iam::123456789012:user/alice","context":{"aws:username":"alice"}}""",
            """{"id":"absent","action":"iam:ChangePassword","resource":"arn:aws:iam::123456789012:user/alice"}""",
            """{"id":"default-principal","action":"s3:GetObject","resource":"arn:aws:s3:::reports/k"}""",
            """{"id":"other-principal","principal":"arn:aws:iam::123456789012:user/bob","action":"s3:GetObject","resource":"arn:aws:s3:::reports/k"}""",
        };
        var run = CliProcess.Run(["simulate", "--policy", Fixture("own-password.json"), "--resource-policy", Fixture("bucket-policy.json"), "--requests", "-"],
            stdin: string.Join("\n", lines));
        Assert.Equal(["allowed", "implicitDeny", "allowed", "implicitDeny"], Decisions(run.Stdout));
    }

    [Fact]
    public void Explain_adds_the_decisive_statements_and_missing_keys_to_every_line()
    {
        var run = CliProcess.Run(["simulate", .. Guide, "--requests", "-", "--explain"],
            stdin: """{"id":"k","action":"s3:GetObject","resource":"arn:aws:s3:::b/k","context":{"aws:SourceIp":"198.51.100.7"}}""");
        var line = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("explicitDeny", line.GetProperty("decision").GetString());
        var deny = Assert.Single(line.GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal("DenyAllExceptListedIfNoMFA", deny.GetProperty("sid").GetString());
        Assert.Equal(["aws:MultiFactorAuthPresent"], line.GetProperty("missingContextValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Ids_are_echoed_as_written_and_a_missing_id_is_null()
    {
        var run = CliProcess.Run(["simulate", "--requests", "-"], stdin: """
            {"id":"ünïcode \"quoted\"","action":"s3:GetObject"}
            {"id":12.50,"action":"s3:GetObject"}
            {"action":"s3:GetObject"}
            """);
        Assert.Equal("""
            {"id":"ünïcode \"quoted\"","decision":"implicitDeny"}
            {"id":12.50,"decision":"implicitDeny"}
            {"id":null,"decision":"implicitDeny"}

            """.Replace("\r", ""), run.Stdout);
    }

    [Fact]
    public async Task Answers_stream_out_while_requests_are_still_coming_in()
    {
        // A caller that writes one request and waits must get its answer before sending the next
        // (or closing the input): nothing is held back until the end.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "iamharden.dll"), "simulate", "--policy", Fixture("allow-all.json"), "--requests", "-" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            for (int i = 1; i <= 3; i++)
            {
                await process.StandardInput.WriteLineAsync($$"""{"id":{{i}},"action":"s3:GetObject"}""");
                await process.StandardInput.FlushAsync();
                var answer = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
                Assert.Equal($$"""{"id":{{i}},"decision":"allowed"}""", answer);
            }
            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void A_large_file_is_streamed_line_by_line()
    {
        // About 50 MB of requests: every line answered, in order (memory use is measured in docs/PERFORMANCE.md).
        var path = Path.Combine(Path.GetTempPath(), $"iamharden-large-{Guid.NewGuid():N}.jsonl");
        try
        {
            const int Lines = 300_000;
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
                for (int i = 0; i < Lines; i++)
                    writer.Write("{\"id\":" + i + ",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::reports/" + i + ".csv\",\"context\":{\"aws:SourceIp\":\"198.51.100." + (i % 256)
                        + "\",\"aws:MultiFactorAuthPresent\":\"" + (i % 3 == 0 ? "false" : "true") + "\",\"aws:PrincipalTag/team\":\"team-" + (i % 97) + "\",\"aws:CurrentTime\":\"2026-01-01T00:00:00Z\"}}\n");
            Assert.True(new FileInfo(path).Length > 45_000_000);
            var run = CliProcess.Run(["simulate", .. Guide, "--requests", path], timeout: TimeSpan.FromMinutes(5));
            Assert.Equal(0, run.ExitCode);
            var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(Lines, lines.Length);
            for (int i = 0; i < Lines; i += 9_973)
                Assert.Equal($$"""{"id":{{i}},"decision":"{{(i % 3 == 0 ? "explicitDeny" : "allowed")}}"}""", lines[i]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static string[] Decisions(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("decision").GetString()!).ToArray();
}
