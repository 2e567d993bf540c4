namespace IamHarden.Aws.CliJson;

/// <summary>
/// The part of an AWS service model the CLI uses to turn a Query answer into JSON: which members a structure has and
/// in which order (the model's, not the answer's), and the type of every scalar. Members an answer has but the model
/// lacks are dropped, as the CLI drops them.
/// </summary>
internal abstract class CliShape;

internal sealed class CliStructure(params (string Name, CliShape Shape)[] members) : CliShape
{
    public IReadOnlyList<(string Name, CliShape Shape)> Members { get; } = members;
}

internal sealed class CliList(CliShape member) : CliShape
{
    public CliShape Member { get; } = member;
}

/// <summary>A map with string keys, serialised as <c>&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;</c>.</summary>
internal sealed class CliMap(CliShape value) : CliShape
{
    public CliShape Value { get; } = value;
}

internal enum CliScalarKind
{
    String,
    /// <summary>IAM's <c>policyDocumentType</c>: URL-encoded JSON the CLI decodes into an object.</summary>
    PolicyDocument,
    Integer,
    Boolean,
    Timestamp,
    Blob,
}

internal sealed class CliScalar : CliShape
{
    private CliScalar(CliScalarKind kind) => Kind = kind;

    public CliScalarKind Kind { get; }

    public static readonly CliScalar String = new(CliScalarKind.String);
    public static readonly CliScalar PolicyDocument = new(CliScalarKind.PolicyDocument);
    public static readonly CliScalar Integer = new(CliScalarKind.Integer);
    public static readonly CliScalar Boolean = new(CliScalarKind.Boolean);
    public static readonly CliScalar Timestamp = new(CliScalarKind.Timestamp);
    public static readonly CliScalar Blob = new(CliScalarKind.Blob);
}
