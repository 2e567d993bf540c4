using IamHarden.Analysis.Snapshot;

namespace IamHarden.Analysis.Audit;

/// <summary>Whether a guardrail protects a user: yes (proved or searched), no (with an example), not applicable, unknown.</summary>
public enum GuardStatus { Yes, No, NotApplicable, Unknown }

/// <summary>One row of the report's user × control matrix.</summary>
public sealed record UserStatus(
    IamUser User,
    bool Console,
    bool MfaDevice,
    GuardStatus MfaEnforced,
    GuardStatus IpRestricted,
    bool IsAdmin,
    bool IsBreakGlass,
    IReadOnlyList<AccessKeyInfo> ActiveKeys,
    DateTimeOffset? LastUsed,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> EffectivePolicies);
