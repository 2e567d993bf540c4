using IamHarden.Analysis.Prover.Encoding;
using IamHarden.Core.Evaluation;
using IamHarden.Core.Matching;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>never=ACTION_PATTERN: no request for a matching action is allowed, whatever its resource and context.</summary>
public sealed class NeverProperty(string pattern) : VerificationProperty
{
    private readonly WildcardPattern _pattern = WildcardPattern.Glob(pattern, ignoreCase: true);

    public string Pattern { get; } = pattern;

    public override string Text => "never=" + Pattern;

    public override string Description => $"no request for {Pattern} is allowed, with any resource and context";

    public override IReadOnlyList<string> Keys => [];

    internal override void Require(ContextVocabulary.Builder vocabulary) { }

    internal override string Violation(Query query) =>
        Smt.Smt.And(query.Statements.ActionMatches([Pattern], query.Request), query.Decision.Allowed);

    public override bool IsViolatedBy(AuthorizationRequest request, Decision decision) =>
        decision == Decision.Allowed && _pattern.IsMatch(request.Action);
}
