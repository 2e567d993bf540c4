using IamHarden.Core.Evaluation;

namespace IamHarden.Core.Simulation;

/// <summary>
/// One line of a `simulate --requests` JSONL file: an id to echo, the request, and optionally
/// the line's own identity policies (replacing the command-line ones for that line).
/// </summary>
public sealed record BatchRequest(string IdJson, AuthorizationRequest Request, IReadOnlyList<CompiledPolicy>? Policies);
