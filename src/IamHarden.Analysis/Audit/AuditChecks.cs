using IamHarden.Analysis.Audit.Checks;

namespace IamHarden.Analysis.Audit;

/// <summary>Every audit check, in report order (account first, then users, then policies).</summary>
public static class AuditChecks
{
    public static IReadOnlyList<IAuditCheck> All { get; } =
    [
        new RootMfaEnabled(),
        new RootHardwareMfa(),
        new RootAccessKeysAbsent(),
        new RootRecentlyUsed(),
        new PasswordPolicyWeak(),
        new BreakGlassMissing(),
        new ConsoleMfaEnabled(),
        new ConsoleMfaEnforced(),
        new MfaEnrollmentBlocked(),
        new IpRestrictionEnforced(),
        new IpAllowlistTooBroad(),
        new IpRestrictionBreaksServiceCalls(),
        new BreakGlassMisconfigured(),
        new PolicyAttachedToUser(),
        new AutomationUser(),
        new ConsoleAndApiKeys(),
        new CredentialsUnused(),
        new AccessKeyNotRotated(),
        new MultipleActiveKeys(),
        new FullAdminPolicy(),
    ];

    public static IAuditCheck? Find(string id) => All.FirstOrDefault(c => c.Metadata.Id == id);
}
