using System.Diagnostics;
using IamHarden.Analysis.Prover.Smt;
using IamHarden.Analysis.Prover.Z3;

namespace IamHarden.Analysis.Prover.Encoding;

/// <summary>
/// Sends a query to Z3 and reads the answer, in two halves: requests for catalog actions, then
/// requests for an action the catalog does not list. Each half is much easier for the solver than
/// the whole (a catalog index rules out all the string reasoning about a future name, and a future
/// name rules out every catalog range), and the query is satisfiable when either half is. A
/// time-out or any other "unknown" is reported as such — never as unsatisfiable. When satisfiable,
/// optional preferences (formulas such as "the action is a well-known one") are tried one by one
/// with check-sat-assuming, so the counterexample is as readable as the time left allows.
/// </summary>
internal static class QueryRunner
{
    /// <summary>The complete SMT-LIB2 text of a query with its goal (what --emit-smt2 writes; the runner solves it in two halves).</summary>
    public static string Text(Query query, TimeSpan timeout) =>
        $"(set-option :timeout {Milliseconds(timeout)})\n" + query.Script.Text + $"(assert {query.Goal})\n(check-sat)\n";

    public static QueryOutcome Run(Query query, TimeSpan timeout, bool readable = true)
    {
        var watch = Stopwatch.StartNew();
        var future = Smt.Smt.Eq(query.Request.Action, Smt.Smt.Int(query.Actions.FutureIndex));
        var halves = new List<string> { Smt.Smt.Not(future) };
        if (query.FutureNames is null) halves.Add(future);
        else if (query.FutureNames.Count > 0)
            halves.Add(Smt.Smt.And(future, Smt.Smt.Or(query.FutureNames.Select(n => Smt.Smt.Eq(query.Request.FutureActionName, Smt.Smt.Str(n))))));
        string? unknown = null;
        foreach (var half in halves)
        {
            var remaining = timeout - watch.Elapsed;
            if (remaining <= TimeSpan.Zero) { unknown ??= "the solver ran out of time"; break; }
            var outcome = RunHalf(query, half, remaining, readable, watch);
            if (outcome.Status == QueryStatus.Satisfiable) return outcome with { Elapsed = watch.Elapsed };
            if (outcome.Status == QueryStatus.Unknown) unknown ??= outcome.Reason;
        }
        return unknown is null
            ? new QueryOutcome(QueryStatus.Unsatisfiable, [], null, watch.Elapsed)
            : new QueryOutcome(QueryStatus.Unknown, [], unknown, watch.Elapsed);
    }

    private static QueryOutcome RunHalf(Query query, string half, TimeSpan timeout, bool readable, Stopwatch watch)
    {
        using var session = new Z3Session();
        session.Run($"(set-option :timeout {Milliseconds(timeout)})\n" + query.Script.Text + $"(assert {query.Goal})\n(assert {half})");
        var answer = session.Run("(check-sat)").Trim();
        if (answer == "unsat") return new QueryOutcome(QueryStatus.Unsatisfiable, [], null, watch.Elapsed);
        if (answer != "sat") return new QueryOutcome(QueryStatus.Unknown, [], ReasonUnknown(session), watch.Elapsed);
        var getValue = "(get-value (" + string.Join(' ', ModelDecoder.Terms(query)) + "))";
        var values = SmtValueReader.Read(session.Run(getValue));
        if (readable)
        {
            // Each accepted preference stays assumed for the next; a rejected or slow one is dropped.
            var accepted = new List<string>();
            for (int i = 0; i < query.Preferences.Count; i++)
            {
                var left = timeout - watch.Elapsed;
                if (left < TimeSpan.FromMilliseconds(50)) break;
                var literal = $"prefer_{i}";
                session.Run($"(declare-const {literal} Bool)\n(assert (= {literal} {query.Preferences[i]}))");
                session.Run($"(set-option :timeout {Math.Min(Milliseconds(left), Math.Max(100, Milliseconds(timeout) / 10))})");
                var check = session.Run($"(check-sat-assuming ({string.Join(' ', accepted.Append(literal))}))").Trim();
                if (check != "sat") continue;
                accepted.Add(literal);
                values = SmtValueReader.Read(session.Run(getValue));
            }
        }
        return new QueryOutcome(QueryStatus.Satisfiable, ModelDecoder.Decode(query, values), null, watch.Elapsed);
    }

    private static long Milliseconds(TimeSpan time) => Math.Max(1, (long)time.TotalMilliseconds);

    private static string ReasonUnknown(Z3Session session)
    {
        try
        {
            var info = session.Run("(get-info :reason-unknown)").Trim();
            // (:reason-unknown "timeout")
            int quote = info.IndexOf('"');
            var reason = quote >= 0 ? info[(quote + 1)..info.LastIndexOf('"')] : info;
            return reason is "timeout" or "canceled" ? "the solver ran out of time" : $"the solver could not decide ({reason})";
        }
        catch (Z3Exception ex)
        {
            return ex.Message;
        }
    }
}
