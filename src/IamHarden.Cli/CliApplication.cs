using IamHarden.Cli.Commands;
using IamHarden.Core.Policy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IamHarden.Cli;

/// <summary>
/// The command tree and the one place where failures become messages and exit codes: bad input
/// exits 2 with a positioned message, never a stack trace.
/// </summary>
public static class CliApplication
{
    public static int Run(string[] args)
    {
        // Redirected output is read by programs or saved to files: do not wrap it at 80 columns.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("iamharden");
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<SimulateCommand>("simulate")
                .WithDescription("Decide requests against IAM policies exactly as AWS does, with the reason.")
                .WithExample("simulate", "--policy", "force-mfa.json", "--policy", "admin.json", "--action", "ec2:DescribeInstances", "--context", "aws:MultiFactorAuthPresent=false")
                .WithExample("simulate", "--policy", "p.json", "--requests", "requests.jsonl", "--output", "jsonl");
            config.AddCommand<LintCommand>("lint")
                .WithDescription("Check IAM policies for what AWS would reject, what is risky and what silently fails to protect (text, JSON or SARIF).")
                .WithExample("lint", "force-mfa.json", "restrict-ip.json")
                .WithExample("lint", "--format", "sarif", "--output", "lint.sarif", "policies/admins.json")
                .WithExample("lint", "--kind", "resource", "bucket-policy.json");
            config.AddCommand<AuditCommand>("audit")
                .WithDescription("Audit an account snapshot against the guide, CIS AWS Foundations and ISMS-P.")
                .WithExample("audit", "--sample")
                .WithExample("audit", "--snapshot", "snapshot/", "--config", "iamharden.yaml", "--format", "json", "--as-of", "2026-11-30T12:00:00Z");
            config.AddCommand<ReplayCommand>("replay")
                .WithDescription("Run CloudTrail history through proposed policies: who and what they would have refused.")
                .WithExample("replay", "--sample")
                .WithExample("replay", "--trail", "AWSLogs/", "--mfa", "--cidr", "203.0.113.0/24", "--snapshot", "snapshot/", "--group", "Admins")
                .WithExample("replay", "--trail", "lookup-events.json", "--policy", "scp.json", "--as", "scp", "--format", "json");
            config.AddCommand<CollectCommand>("collect")
                .WithDescription("Write the audit's snapshot directory from a live account (the files the AWS CLI writes), with a progress display.")
                .WithExample("collect", "--out", "snapshot/")
                .WithExample("collect", "--out", "snapshot/", "--profile", "audit", "--force");
            config.AddCommand<PlanCommand>("plan")
                .WithDescription("Show what apply would change to bring the groups to the desired state, whom each change affects, and the lockout guard's verdict.")
                .WithExample("plan", "--config", "iamharden.yaml", "--caller-ip", "203.0.113.10")
                .WithExample("plan", "--config", "iamharden.yaml", "--format", "json");
            config.AddCommand<ApplyCommand>("apply")
                .WithDescription("Apply the guardrails to the groups after the lockout guard and a confirmation, with a journal and rollback.")
                .WithExample("apply", "--config", "iamharden.yaml", "--caller-ip", "203.0.113.10")
                .WithExample("apply", "--rollback", "iamharden-apply-123456789012-20261130T120000Z.jsonl");
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("Prove properties of policies for every possible request with Z3 (MFA enforced, enrolment possible, source IP restricted, action never allowed), or show the request that breaks one; run policy test files.")
                .WithExample("verify", "--policy", "force-mfa.json", "--policy", "arn:aws:iam::aws:policy/AdministratorAccess", "--property", "mfa", "--property", "mfa-enrollable", "--must-reset-password")
                .WithExample("verify", "--policy", "restrict-ip.json", "--policy", "admin.json", "--property", "source-ip=203.0.113.0/24,2001:db8:1234::/48", "--allow-service-calls")
                .WithExample("verify", "--tests", "guardrails.test.yaml", "--junit", "verify-results.xml");
            config.AddBranch("policy", policy =>
            {
                policy.SetDescription("Write the guide's policies (MFA enforcement, source-IP restriction) as JSON, Terraform or CloudFormation.");
                policy.AddCommand<PolicyMfaCommand>("mfa").WithDescription("The MFA enforcement policy (Force_MFA).")
                    .WithExample("policy", "mfa", "--format", "terraform", "--group", "Admins");
                policy.AddCommand<PolicyIpCommand>("ip").WithDescription("The source-IP restriction policy.")
                    .WithExample("policy", "ip", "--cidr", "203.0.113.0/24", "--cidr", "2001:db8:1234::/48");
                policy.AddCommand<PolicyGuardrailsCommand>("guardrails").WithDescription("Both policies.")
                    .WithExample("policy", "guardrails", "--cidr", "203.0.113.0/24", "--format", "cloudformation", "--group", "Admins");
            });
        });
        try
        {
            return app.Run(SimulateArguments.ProtectStandardInput(LintArguments.ProtectStandardInput(args)));
        }
        catch (UserInputException ex)
        {
            return Fail(ex.Message, ex.Details, ex.IsPositioned);
        }
        catch (PolicyParseException ex)
        {
            return Fail(ex.Message, ex.Errors.Skip(1).Select(e => e.Format(ex.FileName)).ToList(), positioned: true);
        }
        catch (IamHarden.Aws.AwsException ex)
        {
            // Unreachable endpoint, refused or expired credentials, a missing permission: the message says what to do.
            return Fail(ex.Message, []);
        }
        catch (CommandAppException ex)
        {
            return Fail(ex.Message, []);
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled", []);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && Environment.GetEnvironmentVariable("IAMHARDEN_STACK_TRACES") is null)
        {
            // A bug, not bad input: say so in one line instead of a stack trace (set IAMHARDEN_STACK_TRACES=1 to see it).
            Console.Error.WriteLine($"error: internal error ({ex.GetType().Name}: {ex.Message}); this is a bug in iamharden, please report it with the command that caused it");
            return ExitCodes.InternalError;
        }
    }

    private static int Fail(string message, IReadOnlyList<string> details, bool positioned = false)
    {
        // Compiler-style lines ("file:line:col: error CODE: ...") already say what they are.
        var prefix = positioned ? "" : "error: ";
        var stderr = Console.Error;
        stderr.WriteLine(prefix + message);
        foreach (var line in details) stderr.WriteLine(prefix + line);
        return ExitCodes.BadInput;
    }
}
