using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// AWS's decision for one request, as PolicyEvaluator computes it for identity policies, a
/// permissions boundary and SCP levels (spec §1.4): any applicable Deny → explicit deny; else
/// every SCP level needs an applicable Allow, an identity policy must allow, and the boundary must
/// allow. Each statement's "applies" is defined once and named after its policy and index, so
/// the emitted query reads like the policies and the model says which statements matched.
/// </summary>
internal sealed class DecisionEncoder(StatementEncoder statements)
{
    /// <summary>The formulas of one request's decision.</summary>
    public sealed record Decision(string Allowed, string ExplicitDeny, IReadOnlyList<(string Name, CompiledPolicy Policy, Statement Statement)> Statements);

    public static void EnsureSupported(PolicySet set)
    {
        if (set.ResourcePolicy is not null || set.SessionPolicy is not null || set.ResourceControlPolicies.Count > 0)
            throw new UnsupportedPolicyException("the prover handles identity policies, a permissions boundary and SCPs; resource-based, session and resource control policies are not modelled");
    }

    public Decision Encode(PolicySet set, RequestSymbols request, SmtScript script)
    {
        EnsureSupported(set);
        var named = new List<(string, CompiledPolicy, Statement)>();
        (List<string> Allows, List<string> Denies) Policy(CompiledPolicy policy, string role)
        {
            var allows = new List<string>();
            var denies = new List<string>();
            bool substitute = policy.Document.Version.SubstitutesVariables();
            script.Comment($"{role} {policy.Name}");
            foreach (var statement in policy.Document.Statements)
            {
                var name = $"{request.Prefix}_{role}{named.Count}_s{statement.Index}";
                var applies = script.DefineBool(name, statements.Applies(statement, substitute, request));
                named.Add((applies, policy, statement));
                (statement.Effect == Effect.Deny ? denies : allows).Add(applies);
            }
            return (allows, denies);
        }

        var allDenies = new List<string>();
        var identityAllows = new List<string>();
        foreach (var p in set.Identity)
        {
            var (a, d) = Policy(p, "identity");
            identityAllows.AddRange(a);
            allDenies.AddRange(d);
        }
        string boundaryAllows = Smt.Smt.True;
        if (set.PermissionsBoundary is { } boundary)
        {
            var (a, d) = Policy(boundary, "boundary");
            boundaryAllows = Smt.Smt.Or(a);
            allDenies.AddRange(d);
        }
        var scpLevels = new List<string>();
        foreach (var level in set.ServiceControlPolicyLevels)
        {
            var levelAllows = new List<string>();
            foreach (var p in level)
            {
                var (a, d) = Policy(p, "scp");
                levelAllows.AddRange(a);
                allDenies.AddRange(d);
            }
            scpLevels.Add(Smt.Smt.Or(levelAllows));
        }
        var explicitDeny = script.DefineBool($"{request.Prefix}_explicit_deny", Smt.Smt.Or(allDenies));
        var allowed = script.DefineBool($"{request.Prefix}_allowed",
            Smt.Smt.And([Smt.Smt.Not(explicitDeny), .. scpLevels, Smt.Smt.Or(identityAllows), boundaryAllows]));
        return new Decision(allowed, explicitDeny, named);
    }
}
