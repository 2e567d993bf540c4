using System.Numerics;
using IamHarden.Analysis.Prover.Smt;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// Turns the solver's model into concrete requests the evaluator can decide: the action's name,
/// the resource, the principal, and every present context key's value as text.
/// </summary>
internal static class ModelDecoder
{
    /// <summary>What the solver believes about a request: its decision and which statements applied.</summary>
    public sealed record SolverView(bool Allowed, bool ExplicitDeny, IReadOnlyList<(string Statement, bool Applies)> Statements);

    /// <summary>A request read from the model, with the solver's view of it.</summary>
    public sealed record DecodedRequest(AuthorizationRequest Request, SolverView Solver);

    /// <summary>The terms to ask (get-value) for, in the order <see cref="Decode"/> reads them.</summary>
    public static List<string> Terms(Query query)
    {
        var terms = new List<string>(query.Principal.ModelSymbols());
        for (int i = 0; i < query.Requests.Count; i++)
        {
            terms.AddRange(query.Requests[i].ModelSymbols());
            var decision = query.Decisions[i];
            terms.Add(decision.Allowed);
            terms.Add(decision.ExplicitDeny);
            terms.AddRange(decision.Statements.Select(s => s.Name));
        }
        return terms;
    }

    public static IReadOnlyList<DecodedRequest> Decode(Query query, IReadOnlyList<SmtValueReader.Value> values)
    {
        int at = 0;
        SmtValueReader.Value Next() => values[at++];
        var principal = query.Principal.Principal;
        var name = principal.Name ?? Next().AsString();
        var path = principal.Path ?? Next().AsString();
        var arn = $"arn:aws:iam::{principal.Account}:user{path}{name}";
        var identity = PrincipalIdentity.Parse(arn);
        var result = new List<DecodedRequest>();
        for (int r = 0; r < query.Requests.Count; r++)
        {
            var symbols = query.Requests[r];
            int actionIndex = (int)Next().AsInteger();
            var futureName = Next().AsString();
            var resource = symbols.Resource.Decode(Next);
            var action = actionIndex < query.Actions.FutureIndex ? query.Actions[actionIndex].FullName : futureName;
            var context = new RequestContext();
            foreach (var key in symbols.Keys.OrderBy(k => k.Plan.Id))
            {
                bool present = Next().AsBool();
                int count = key.Plan.IsMultiValued ? (int)Next().AsInteger() : 1;
                var rendered = key.Elements.Select(e => Render(e, Next, query)).ToList();
                if (!present) continue;
                if (key.Plan.IsMultiValued) context.SetList(key.Plan.Name, rendered.Take(count));
                else context.Set(key.Plan.Name, rendered[0]);
            }
            // Pinned keys nothing reads still travel with the request, as the user gave them.
            foreach (var (pinned, value) in query.Pins.Entries)
                if (!context.Contains(pinned))
                {
                    if (value.IsList) context.SetList(pinned, value.Values);
                    else context.Set(pinned, value[0]);
                }
            bool allowed = Next().AsBool();
            bool denied = Next().AsBool();
            var statements = query.Decisions[r].Statements.Select(s => ($"{s.Policy.Name} {s.Statement.Label}", Next().AsBool())).ToList();
            result.Add(new DecodedRequest(new AuthorizationRequest(identity, action, resource, context), new SolverView(allowed, denied, statements)));
        }
        return result;
    }

    private static string Render(ElementTerms element, Func<SmtValueReader.Value> next, Query query)
    {
        var plan = element.Plan;
        switch (plan.Kind)
        {
            case KeyKind.NullOnly:
                bool isNull = next().AsBool();
                return isNull && !plan.IsMultiValued ? "" : ValueRenderer.Sample(plan.Name, query.Catalog);
            case KeyKind.String: return element.Text!.Decode(next);
            case KeyKind.Bool: return ValueRenderer.Bool(next().AsBool());
            case KeyKind.Numeric: return ValueRenderer.ScaledNumber(next().AsInteger(), query.Vocabulary.NumericScale);
            case KeyKind.Date: return ValueRenderer.Date((long)next().AsInteger());
            case KeyKind.EpochSeconds: return next().AsInteger().ToString(System.Globalization.CultureInfo.InvariantCulture);
            case KeyKind.Ip:
                bool v6 = next().AsBool();
                BigInteger bits = next().AsInteger();
                return ValueRenderer.Ip(v6, bits);
            default: return ValueRenderer.Binary((int)next().AsInteger(), plan.BinaryValues);
        }
    }
}
