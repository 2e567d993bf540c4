using IamHarden.Analysis.Prover.Encoding.Strings;
using IamHarden.Core.Matching;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// Whether a statement applies to a request (spec §1.2), as the evaluator's CompiledStatement
/// decides it: the action is covered (Action, or not NotAction), the resource is covered (the
/// same for Resource/NotResource, where "*" matches everything and a request for "*" is matched
/// only by "*", and an entry whose variable does not resolve matches nothing), and every
/// condition holds.
/// </summary>
internal sealed class StatementEncoder(ActionUniverse actions, PatternEncoder patterns, ConditionEncoder conditions)
{
    public string Applies(Statement statement, bool substitute, RequestSymbols request)
    {
        if (statement.Principal is not null)
            throw new UnsupportedPolicyException($"statement {statement.Label} has a Principal element; the prover handles identity policies, boundaries and SCPs");
        var parts = new List<string> { ActionCovered(statement.Actions, request) };
        if (statement.Resources is { } resources) parts.Add(ResourceCovered(resources, substitute, request));
        foreach (var condition in statement.Conditions) parts.Add(conditions.Encode(condition, substitute, request));
        return Smt.Smt.And(parts);
    }

    public string ActionCovered(ValueList list, RequestSymbols request)
    {
        var listMatches = Formula(actions.MatchAny(list), request);
        return list.IsNegated ? Smt.Smt.Not(listMatches) : listMatches;
    }

    /// <summary>The request's action matches at least one of <paramref name="patternList"/>.</summary>
    public string ActionMatches(IEnumerable<string> patternList, RequestSymbols request) => Formula(actions.MatchAny(patternList), request);

    private string Formula(ActionUniverse.PatternMatch match, RequestSymbols request)
    {
        var known = match.Catalog.ToFormula(request.Action);
        var future = ActionUniverse.FutureFormula(match.Future, request.FutureActionName);
        var futureBranch = future == Smt.Smt.False ? Smt.Smt.False : Smt.Smt.And(Smt.Smt.Eq(request.Action, Smt.Smt.Int(actions.FutureIndex)), future);
        return Smt.Smt.Or(known, futureBranch);
    }

    private string ResourceCovered(ValueList list, bool substitute, RequestSymbols request)
    {
        string listMatches;
        if (list.Values.Any(v => v.Value == "*")) listMatches = Smt.Smt.True;
        else
        {
            var entries = new List<string>();
            foreach (var value in list.Values)
            {
                var symbolic = SymbolicText.Of(value.Value, substitute, request);
                if (!symbolic.HasVariables)
                {
                    entries.Add(request.Resource.Matches(new StringPattern(ArnPatternCompiler.ForResourceElement(symbolic.Pieces), false)));
                    continue;
                }
                if (!symbolic.VariablesInResourcePart())
                    throw new UnsupportedPolicyException($"resource \"{value.Value}\" has a policy variable before the resource part of the ARN (AWS does not support that either)");
                var pattern = ArnPatternCompiler.ForResourceElement(symbolic.Pieces);
                entries.Add(Smt.Smt.And(symbolic.Resolvable, patterns.Match(request.Resource.Term(), PatternEncoder.Split(pattern.Tokens, symbolic.Holes), ignoreCase: false)));
            }
            listMatches = Smt.Smt.And(Smt.Smt.Not(request.ResourceIsStar), Smt.Smt.Or(entries));
        }
        return list.IsNegated ? Smt.Smt.Not(listMatches) : listMatches;
    }
}
