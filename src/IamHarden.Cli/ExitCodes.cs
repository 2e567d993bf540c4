namespace IamHarden.Cli;

/// <summary>The process exit codes every command uses.</summary>
public static class ExitCodes
{
    /// <summary>Done; nothing at or above the failure threshold was found.</summary>
    public const int Success = 0;
    /// <summary>Done; findings (lint errors, failed properties, audit findings at --fail-on) were found.</summary>
    public const int Findings = 1;
    /// <summary>The input could not be used (bad file, bad option, bad JSON); nothing was decided.</summary>
    public const int BadInput = 2;
    /// <summary>apply failed part way and undid what it had changed: the account is as before.</summary>
    public const int RolledBack = 3;
    /// <summary>apply (or a rollback) could not undo everything: the output lists what remains in the account.</summary>
    public const int PartiallyRolledBack = 4;
    /// <summary>iamharden itself failed or contradicted itself (a bug, e.g. the prover and the evaluator disagree); the message says what happened, without a stack trace (70: EX_SOFTWARE).</summary>
    public const int InternalError = 70;
}
