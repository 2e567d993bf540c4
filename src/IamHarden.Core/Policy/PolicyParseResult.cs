using System.Collections.Immutable;

namespace IamHarden.Core.Policy;

/// <summary>
/// What <see cref="PolicyParser"/> produced: the document (best effort, present whenever the text
/// was a JSON object) and every grammar error found. A document with errors must not be evaluated.
/// </summary>
public sealed record PolicyParseResult(PolicyDocument? Document, ImmutableArray<PolicyDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The document, or a <see cref="PolicyParseException"/> naming the first error.</summary>
    public PolicyDocument GetDocumentOrThrow(string fileName)
    {
        if (!HasErrors && Document is not null) return Document;
        throw new PolicyParseException(fileName, Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray());
    }
}

/// <summary>A policy could not be used because it has grammar errors (each with its position).</summary>
public sealed class PolicyParseException(string fileName, ImmutableArray<PolicyDiagnostic> errors)
    : Exception(errors.Length == 0 ? $"{fileName}: not a usable policy" : errors[0].Format(fileName))
{
    public string FileName { get; } = fileName;
    public ImmutableArray<PolicyDiagnostic> Errors { get; } = errors;
}
