using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover;

/// <summary>
/// A concrete request that violates a property, with the evaluator's decision and reasons for it.
/// <see cref="AbsentKeys"/> are keys that matter and are deliberately missing (aws:MultiFactorAuthPresent
/// absent means long-term access keys).
/// </summary>
public sealed record ProverCounterexample(AuthorizationRequest Request, EvaluationResult Evaluation, IReadOnlyList<string> AbsentKeys);
