using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover;

/// <summary>How the prover runs: the solver's time limit, whose requests, and which context keys are fixed.</summary>
public sealed record ProverOptions
{
    /// <summary>Per property; after it the answer is "unknown".</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The user whose requests are considered: by default arn:aws:iam::123456789012:user/alice, the
    /// caller `simulate` assumes. <see cref="ProverPrincipal.AnyUser"/> covers every user of the
    /// account (slower: the user's name becomes a string the solver must reason about).
    /// </summary>
    public ProverPrincipal Principal { get; init; } = DefaultPrincipal;

    public static ProverPrincipal DefaultPrincipal { get; } = ProverPrincipal.User(PrincipalIdentity.DefaultUser.Arn);

    /// <summary>Context keys with fixed values (verify --context); every other key ranges freely.</summary>
    public RequestContext PinnedContext { get; init; } = new();

    /// <summary>Spend extra solver calls on a readable counterexample (well-known action, user alice).</summary>
    public bool ReadableCounterexamples { get; init; } = true;
}
