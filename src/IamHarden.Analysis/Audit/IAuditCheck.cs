namespace IamHarden.Analysis.Audit;

/// <summary>One audit check: its metadata, and the findings it makes about an account.</summary>
public interface IAuditCheck
{
    CheckMetadata Metadata { get; }

    IEnumerable<Finding> Run(AuditContext context);
}
