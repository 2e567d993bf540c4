using IamHarden.Core.Policy;

namespace IamHarden.Core.Evaluation;

/// <summary>
/// A policy compiled once into matchers (actions, resources, principals, conditions) so deciding
/// a request does no parsing and little allocation. Compile a policy once and reuse it.
/// </summary>
public sealed class CompiledPolicy
{
    private CompiledPolicy(PolicyDocument document, string name)
    {
        Document = document;
        Name = name;
        var substitute = document.Version.SubstitutesVariables();
        var statements = document.Statements.Select(s => new CompiledStatement(s, substitute)).ToArray();
        DenyStatements = statements.Where(s => s.IsDeny).ToArray();
        AllowStatements = statements.Where(s => !s.IsDeny).ToArray();
    }

    /// <summary>The name shown in explanations (file name, policy name or ARN).</summary>
    public string Name { get; }

    public PolicyDocument Document { get; }

    public PolicyKind Kind => Document.Kind;

    internal CompiledStatement[] DenyStatements { get; }
    internal CompiledStatement[] AllowStatements { get; }

    /// <summary>Compiles a document that parsed without errors (as <see cref="PolicyParseResult.GetDocumentOrThrow"/> guarantees).</summary>
    public static CompiledPolicy Compile(PolicyDocument document, string? name = null) => new(document, name ?? document.Name);

    /// <summary>Parses and compiles in one step; throws <see cref="PolicyParseException"/> with positions on grammar errors.</summary>
    public static CompiledPolicy Parse(string json, string name, PolicyKind kind = PolicyKind.Identity) =>
        Compile(PolicyParser.Parse(json, name, kind).GetDocumentOrThrow(name), name);

    public override string ToString() => Name;
}
