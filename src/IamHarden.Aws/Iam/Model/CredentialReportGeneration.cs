namespace IamHarden.Aws;

/// <summary>The answer to GenerateCredentialReport: <c>STARTED</c>, <c>INPROGRESS</c> or <c>COMPLETE</c>.</summary>
public sealed record CredentialReportGeneration(string State, string? Description)
{
    public bool IsComplete => State == "COMPLETE";
}
