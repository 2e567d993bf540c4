using IamHarden.Core.Policy;

namespace IamHarden.Cli.Rendering;

/// <summary>A generated managed policy ready to render: its IAM name, description, document and the groups to attach it to.</summary>
public sealed record GeneratedPolicy(string Name, string Description, PolicyDocument Document, IReadOnlyList<string> Groups);
