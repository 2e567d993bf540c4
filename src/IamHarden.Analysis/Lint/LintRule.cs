namespace IamHarden.Analysis.Lint;

/// <summary>
/// One lint check with one code. A rule reads the parsed policy through <see cref="LintContext"/>
/// (which also holds the analyses several rules share, computed once) and reports findings there.
/// Rules are stateless and safe to run on many policies at once.
/// </summary>
public abstract class LintRule
{
    /// <summary>The code, severity and documentation of the findings this rule reports.</summary>
    public abstract LintRuleInfo Info { get; }

    /// <summary>Looks at the policy and reports what it finds through <see cref="LintContext.Report"/>.</summary>
    public abstract void Check(LintContext context);
}

/// <summary>
/// A grammar problem the Core parser reports itself (PolicyParser, with the code in ParseErrorCodes):
/// the rule exists for its documentation, and <see cref="Check"/> does nothing.
/// </summary>
public abstract class ParserReportedRule : LintRule
{
    public sealed override void Check(LintContext context) { }
}
