using IamHarden.Analysis.Prover.PolicyTests;

namespace IamHarden.Cli.Rendering;

/// <summary>The `simulate` command that replays a case's request (its own, or its counterexample's).</summary>
public static class PolicyTestReplay
{
    public static string? For(PolicyTestFile file, PolicyTestResult result)
    {
        var (identity, boundary, scps) = file.SourcesOf(result.Case.Target);
        switch (result.Case)
        {
            case RequestTestCase request:
                var principal = Core.Evaluation.PrincipalIdentity.Parse(request.Target.Principal ?? Core.Evaluation.PrincipalIdentity.DefaultUser.Arn);
                return SimulateCommandLine.For(new Core.Evaluation.AuthorizationRequest(principal, request.Action, request.Resource, request.Context), identity, boundary, scps);
            default:
                return result.Proof?.Counterexample is { } example ? SimulateCommandLine.For(example.Request, identity, boundary, scps) : null;
        }
    }
}
