namespace IamHarden.Aws.Apply;

/// <summary>The two guardrails of the guide that plan/apply manage.</summary>
public enum GuardrailKind
{
    /// <summary>MFA enforcement (Force_MFA), from the configuration's <c>mfa</c> section.</summary>
    Mfa,
    /// <summary>Source-IP restriction, from <c>ipRestriction</c> and <c>allowedCidrs</c>.</summary>
    IpRestriction,
}

/// <summary>Names of the guardrails as the configuration and the plan's JSON spell them.</summary>
public static class GuardrailKindNames
{
    /// <summary>The configuration section (and JSON value): <c>mfa</c> or <c>ipRestriction</c>.</summary>
    public static string ConfigKey(this GuardrailKind kind) => kind == GuardrailKind.Mfa ? "mfa" : "ipRestriction";

    /// <summary>A short human description.</summary>
    public static string Describe(this GuardrailKind kind) => kind == GuardrailKind.Mfa ? "MFA enforcement" : "source-IP restriction";
}
