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
    /// <summary>IamHarden contradicted itself (the prover and the evaluator disagree): a bug, reported with details.</summary>
    public const int InternalError = 3;
}
