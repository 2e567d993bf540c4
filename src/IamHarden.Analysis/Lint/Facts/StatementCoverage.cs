using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>Whether every request one statement applies to is also one another statement applies to (ignoring effect).</summary>
public static class StatementCoverage
{
    /// <summary>
    /// True when <paramref name="outer"/> applies to every request <paramref name="inner"/> applies
    /// to: its actions, resources and principals include inner's, and its conditions are a subset of
    /// inner's (checked conservatively).
    /// </summary>
    public static bool Covers(StatementFacts outer, StatementFacts inner, bool ignoreOuterConditions = false)
    {
        if (!Coverage.SamePrincipal(outer.Statement, inner.Statement)) return false;
        if (!ignoreOuterConditions && !Coverage.ConditionsSubset(outer, inner)) return false;
        // Resources first: cheap, and they tell most statement pairs apart.
        return ResourcesCovered(outer, inner) && ActionsCovered(outer, inner);
    }

    private static bool ActionsCovered(StatementFacts outer, StatementFacts inner)
    {
        if (outer.CoversEverything) return true;
        var o = outer.Statement.Actions;
        var i = inner.Statement.Actions;
        if (!o.IsNegated && !i.IsNegated)
        {
            // A service inner names that outer does not name at all: no need to expand anything.
            if (outer.ServicePrefixes is { } outerServices && inner.ServicePrefixes is { } innerServices && !innerServices.IsSubsetOf(outerServices)) return false;
            // The catalog sets decide for known actions (and reject most pairs at once); values the
            // catalog cannot vouch for (unknown names, and wildcards, which also match future
            // actions) must be covered by a value of outer as text.
            if (!inner.Covered.IsSubsetOf(outer.Covered)) return false;
            foreach (var pattern in inner.Actions)
            {
                if (!pattern.Matches.IsEmpty && !pattern.HasWildcard) continue;
                if (!o.Values.Any(v => Coverage.ActionCovers(v.Value, pattern.Text))) return false;
            }
            return true;
        }
        if (o.IsNegated && i.IsNegated)
            // outer excludes less: each value outer excludes is also excluded by inner.
            return o.Values.All(v => i.Values.Any(w => Coverage.ActionCovers(w.Value, v.Value)));
        if (o.IsNegated)
            // inner lists actions, outer covers all but its exclusions: no action inner matches may be excluded.
            return inner.Actions.All(p => !p.Matches.IsEmpty && p.Matches.All(a => outer.Covered.Contains(inner.CatalogPosition(a))));
        return false;
    }

    private static bool ResourcesCovered(StatementFacts outerFacts, StatementFacts innerFacts)
    {
        ValueList? outer = outerFacts.Statement.Resources, inner = innerFacts.Statement.Resources;
        if (outer is null || inner is null) return outer is null && inner is null;
        if (!outer.IsNegated && outer.Values.Any(v => v.Value == "*")) return true;
        if (outer.IsNegated != inner.IsNegated) return false;
        // Positive lists: every inner value covered by an outer one. NotResource: outer excludes
        // less, so every value outer excludes is also excluded by inner.
        var (wide, narrow) = outer.IsNegated ? (innerFacts, outerFacts) : (outerFacts, innerFacts);
        var wideValues = wide.Statement.Resources!.Values;
        var narrowValues = narrow.Statement.Resources!.Values;
        for (int n = 0; n < narrowValues.Length; n++)
        {
            bool covered = false;
            for (int w = 0; w < wideValues.Length && !covered; w++)
                covered = Coverage.ResourceCovers(wideValues[w].Value, narrowValues[n].Value, wide.ArnAt(w), narrow.ArnAt(n));
            if (!covered) return false;
        }
        return true;
    }
}
