using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Audit.Access;

/// <summary>What an access question found.</summary>
public enum AccessAnswerKind
{
    /// <summary>A concrete request exists (and was replayed through the evaluator).</summary>
    Found,
    /// <summary>No such request exists (proved), or none was found (searched).</summary>
    None,
    /// <summary>The question could not be answered (unreadable policy, solver time-out, unsupported construct).</summary>
    Unknown,
}

/// <summary>
/// The answer to a question such as "can this user do anything without MFA?": the request that
/// shows it, or none — and whether "none" was proved for every possible request (prover) or only
/// searched over realistic requests (no solver available).
/// </summary>
public sealed record AccessAnswer(AccessAnswerKind Kind, AuthorizationRequest? Request, bool Proven, string? Note)
{
    /// <summary>Context keys that were deliberately absent in <see cref="Request"/> (absence is part of the example).</summary>
    public IReadOnlyList<string> AbsentKeys { get; init; } = [];

    public static AccessAnswer Found(AuthorizationRequest request, bool proven, IReadOnlyList<string>? absentKeys = null, string? note = null) =>
        new(AccessAnswerKind.Found, request, proven, note) { AbsentKeys = absentKeys ?? [] };

    public static AccessAnswer NotFound(bool proven, string? note = null) => new(AccessAnswerKind.None, null, proven, note);

    public static AccessAnswer Unknown(string reason) => new(AccessAnswerKind.Unknown, null, false, reason);
}
