using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>
/// A claim about a policy set that must hold for every possible request. The prover asks the
/// solver for a request that violates it; none means the claim is proved. A request it finds is
/// decided again by the evaluator, and <see cref="IsViolatedBy"/> must agree, or the prover has a bug.
/// </summary>
public abstract class VerificationProperty
{
    /// <summary>The property as written on the command line, e.g. "mfa" or "source-ip=203.0.113.0/24".</summary>
    public abstract string Text { get; }

    /// <summary>One sentence saying what is claimed.</summary>
    public abstract string Description { get; }

    /// <summary>Context keys the property is about: kept in counterexamples, and reported when absent.</summary>
    public abstract IReadOnlyList<string> Keys { get; }

    /// <summary>The keys (and how they are read) the violation formula needs.</summary>
    internal abstract void Require(ContextVocabulary.Builder vocabulary);

    /// <summary>The formula "this request violates the property" (the query's goal).</summary>
    internal abstract string Violation(Query query);

    /// <summary>Formulas that make a counterexample easier to read, tried in order (optional).</summary>
    internal virtual IReadOnlyList<string> Preferences(Query query) => CounterexamplePreferences.For(query);

    /// <summary>
    /// When the property is about a finite list of exact action names (never=iam:CreateUser,
    /// mfa-enrollable), those names; null when it ranges over all actions. The solver then only
    /// considers future actions with one of these names that the catalog does not list (a catalog
    /// name is the catalog action, already covered).
    /// </summary>
    internal virtual IReadOnlyList<string>? ExactActions => null;

    /// <summary>Whether a concrete request, with the evaluator's decision, violates the property.</summary>
    public abstract bool IsViolatedBy(AuthorizationRequest request, Decision decision);

    public override string ToString() => Text;
}
