using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Matching;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>never=ACTION_PATTERN: no request for a matching action is allowed, whatever its resource and context.</summary>
public sealed class NeverProperty : VerificationProperty
{
    private readonly WildcardPattern[] _patterns;
    private readonly string? _description;

    public NeverProperty(string pattern) : this([pattern], null) { }

    /// <summary>Several actions at once (the audit's "no permissions-management action is allowed").</summary>
    internal NeverProperty(IReadOnlyList<string> patterns, string? description)
    {
        Patterns = patterns;
        _description = description;
        _patterns = patterns.Select(p => WildcardPattern.Glob(p, ignoreCase: true)).ToArray();
    }

    public string Pattern => Patterns[0];

    public IReadOnlyList<string> Patterns { get; }

    public override string Text => "never=" + string.Join(',', Patterns);

    public override string Description => _description ?? $"no request for {Pattern} is allowed, with any resource and context";

    public override IReadOnlyList<string> Keys => [];

    internal override void Require(ContextVocabulary.Builder vocabulary) { }

    internal override IReadOnlyList<string>? ExactActions => Patterns.Any(p => p.IndexOfAny(['*', '?']) >= 0) ? null : Patterns;

    internal override string Violation(Query query) =>
        Smt.Smt.And(query.Statements.ActionMatches(Patterns, query.Request), query.Decision.Allowed);

    public override bool IsViolatedBy(AuthorizationRequest request, Decision decision) =>
        decision == Decision.Allowed && _patterns.Any(p => p.IsMatch(request.Action));
}
