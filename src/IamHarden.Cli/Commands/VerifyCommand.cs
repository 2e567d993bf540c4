using IamHarden.Analysis.Prover;
using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Analysis.Prover.Properties;
using IamHarden.Analysis.Prover.Z3;
using IamHarden.Cli.Input;
using IamHarden.Cli.Rendering;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;
using Spectre.Console.Cli;

namespace IamHarden.Cli.Commands;

/// <summary>
/// `verify`: proves properties of a policy set for every possible request with Z3, or shows the
/// request that violates one (replayed through the evaluator), or runs a policy test file.
/// Exit code 0 when everything holds, 1 when a property is refuted or undecided (or a test
/// fails), 2 for bad input or a missing libz3, 70 when the prover contradicts the evaluator (a bug).
/// </summary>
public sealed class VerifyCommand : Command<VerifySettings>
{
    public override int Execute(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        // Output files are checked before the solver runs, not refused after it.
        foreach (var path in new[] { settings.Output, settings.EmitSmt2, settings.JUnit }) OutputTarget.EnsureWritable(path, settings.Force);
        if (settings.Tests is not null) return PolicyTestCommand.Run(settings);

        var policies = new PolicySet
        {
            Identity = PolicyFiles.LoadAll(settings.Policies, PolicyKind.Identity),
            PermissionsBoundary = settings.Boundary is null ? null : PolicyFiles.Load(settings.Boundary, PolicyKind.PermissionsBoundary),
            ServiceControlPolicyLevels = settings.Scps.Length == 0 ? [] : [PolicyFiles.LoadAll(settings.Scps, PolicyKind.ServiceControl)],
        };
        var propertyOptions = new PropertyOptions
        {
            MustResetPassword = settings.MustResetPassword,
            AllowServiceCalls = settings.AllowServiceCalls,
            AllowVpcEndpointCalls = settings.AllowVpcEndpointCalls,
        };
        var properties = settings.Properties.Select(p => ParseProperty(p, propertyOptions)).ToList();
        var options = Options(settings.Principal, settings.AnyUser, settings.Context, settings.ParsedTimeout);
        EnsureSolver();

        if (settings.EmitSmt2 is not null) OutputTarget.Write(settings.EmitSmt2, Smt2(policies, properties, options), settings.Force);

        var results = new List<PropertyResult>();
        foreach (var property in properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add(PolicyProver.Verify(policies, property, options));
            }
            catch (ProverInputException ex)
            {
                throw new UserInputException(ex.Message);
            }
        }
        var report = new VerifyReport(results, settings.Policies, settings.Boundary, settings.Scps, options.Principal, "Z3 " + Z3Library.Version);
        OutputTarget.Write(settings.Output, settings.Format == "json" ? VerifyJsonWriter.Write(report) : VerifyTextRenderer.Render(report), settings.Force);
        if (results.Any(r => r.Verdict == Verdict.InternalError)) return ExitCodes.InternalError;
        return results.All(r => r.Verdict == Verdict.Proved) ? ExitCodes.Success : ExitCodes.Findings;
    }

    /// <summary>A missing libz3 is bad input: the message says how to install it.</summary>
    internal static void EnsureSolver()
    {
        try
        {
            Z3Library.EnsureAvailable();
        }
        catch (Z3UnavailableException ex)
        {
            throw new UserInputException(ex.Message);
        }
    }

    internal static VerificationProperty ParseProperty(string text, PropertyOptions options, string where = "--property")
    {
        try
        {
            return PropertyParser.Parse(text, options);
        }
        catch (PropertyParseException ex)
        {
            throw new UserInputException($"{where} \"{text}\": column {ex.Column}: {ex.Message}");
        }
    }

    internal static ProverOptions Options(string? principalArn, bool anyUser, IEnumerable<string> context, TimeSpan timeout)
    {
        ProverPrincipal principal;
        try
        {
            principal = principalArn is null ? ProverOptions.DefaultPrincipal : ProverPrincipal.User(principalArn);
        }
        catch (FormatException ex)
        {
            throw new UserInputException("--principal " + ex.Message);
        }
        if (anyUser) principal = ProverPrincipal.AnyUser(principal.Account);
        return new ProverOptions { Principal = principal, PinnedContext = ContextArguments.Parse(context), Timeout = timeout };
    }

    private static string Smt2(PolicySet policies, IEnumerable<VerificationProperty> properties, ProverOptions options)
    {
        var parts = new List<string>();
        foreach (var property in properties)
        {
            try
            {
                parts.Add(PolicyProver.Smt2(policies, property, options));
            }
            catch (UnsupportedPolicyException ex)
            {
                parts.Add($"; property {property.Text}: not encoded: {ex.Message}\n");
            }
            catch (ProverInputException ex)
            {
                throw new UserInputException(ex.Message);
            }
        }
        return string.Join("(reset)\n", parts);
    }
}
