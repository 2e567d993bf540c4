using IamHarden.Analysis.Prover.Properties;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover.PolicyTests;

/// <summary>
/// A policy test file (docs/VERIFY.md): named policies, then cases — concrete requests with the
/// decision they must get, and properties that must hold (or, documented, fail).
/// </summary>
public sealed record PolicyTestFile(string Path, IReadOnlyDictionary<string, CompiledPolicy> Policies, IReadOnlyList<PolicyTestCase> Cases)
{
    /// <summary>Where each named policy comes from, usable from the current directory (a path, or an AWS managed policy ARN), for replay commands.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>The sources of a case's identity policies, boundary and SCPs.</summary>
    public (IReadOnlyList<string> Identity, string? Boundary, IReadOnlyList<string> Scps) SourcesOf(PolicyTestTarget target) =>
        (target.Policies.Select(n => Sources[n]).ToList(), target.Boundary is null ? null : Sources[target.Boundary], target.Scps.Select(n => Sources[n]).ToList());
}

/// <summary>The policies a case is decided against, by name, and whose requests.</summary>
public sealed record PolicyTestTarget(IReadOnlyList<string> Policies, string? Boundary, IReadOnlyList<string> Scps, string? Principal);

/// <summary>One case; <see cref="Line"/> and <see cref="Column"/> locate it in the file.</summary>
public abstract record PolicyTestCase(string Name, int Line, int Column, PolicyTestTarget Target);

/// <summary>The decision a request must get: one of AWS's, or "denied" for either deny.</summary>
public enum ExpectedDecision { Allowed, ExplicitDeny, ImplicitDeny, Denied }

/// <summary>A concrete request and the decision it must get.</summary>
public sealed record RequestTestCase(string Name, int Line, int Column, PolicyTestTarget Target, string Action, string Resource, RequestContext Context, ExpectedDecision Expect)
    : PolicyTestCase(Name, Line, Column, Target);

/// <summary>A property that must hold (or, with Expect fails, must be refuted: a known gap kept visible).</summary>
public sealed record PropertyTestCase(string Name, int Line, int Column, PolicyTestTarget Target, VerificationProperty Property, RequestContext Context, bool AnyUser, bool ExpectHolds, TimeSpan Timeout)
    : PolicyTestCase(Name, Line, Column, Target);
