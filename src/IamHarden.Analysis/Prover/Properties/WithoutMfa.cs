namespace IamHarden.Analysis.Prover.Properties;

/// <summary>How a request without MFA is signed.</summary>
internal enum WithoutMfa
{
    /// <summary>Either of the two below.</summary>
    SessionOrAccessKeys,
    /// <summary>Temporary credentials without MFA (a console session): aws:MultiFactorAuthPresent "false".</summary>
    Session,
    /// <summary>Long-term access keys: aws:MultiFactorAuthPresent absent.</summary>
    AccessKeys,
}
