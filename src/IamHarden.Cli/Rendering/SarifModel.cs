using System.Text.Json.Serialization;

namespace IamHarden.Cli.Rendering;

// The SARIF 2.1.0 object model: the subset IamHarden writes (lint today, audit later). Property
// names follow the specification; null properties are left out when written (SarifWriter).

/// <summary>A SARIF log: the file's root object.</summary>
public sealed record SarifLog(IReadOnlyList<SarifRun> Runs)
{
    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Version { get; init; } = "2.1.0";
}

/// <summary>One run of one tool: its rules, its results, and whether it finished.</summary>
public sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results)
{
    public IReadOnlyList<SarifInvocation>? Invocations { get; init; }

    /// <summary>Where relative artifact URIs are rooted ("%SRCROOT%" → the working directory).</summary>
    public IReadOnlyDictionary<string, SarifArtifactLocation>? OriginalUriBaseIds { get; init; }
}

public sealed record SarifTool(SarifToolComponent Driver);

/// <summary>The tool itself (the "driver") with every rule it can report.</summary>
public sealed record SarifToolComponent(string Name)
{
    public string? Version { get; init; }
    public string? SemanticVersion { get; init; }
    public string? InformationUri { get; init; }
    public IReadOnlyList<SarifReportingDescriptor>? Rules { get; init; }
}

/// <summary>A rule: its id, descriptions, help and default level.</summary>
public sealed record SarifReportingDescriptor(string Id)
{
    public string? Name { get; init; }
    public SarifMessage? ShortDescription { get; init; }
    public SarifMessage? FullDescription { get; init; }
    public SarifMultiformatMessage? Help { get; init; }
    public string? HelpUri { get; init; }
    public SarifReportingConfiguration? DefaultConfiguration { get; init; }
    public IReadOnlyDictionary<string, object>? Properties { get; init; }
}

/// <summary>A rule's default level: "error", "warning", "note" or "none".</summary>
public sealed record SarifReportingConfiguration(string Level);

public sealed record SarifMessage(string Text);

public sealed record SarifMultiformatMessage(string Text)
{
    public string? Markdown { get; init; }
}

/// <summary>One finding.</summary>
public sealed record SarifResult(string RuleId, SarifMessage Message)
{
    public int? RuleIndex { get; init; }
    public string? Level { get; init; }
    public IReadOnlyList<SarifLocation>? Locations { get; init; }
    public IReadOnlyDictionary<string, string>? PartialFingerprints { get; init; }
    public IReadOnlyDictionary<string, object>? Properties { get; init; }
}

public sealed record SarifLocation
{
    public SarifPhysicalLocation? PhysicalLocation { get; init; }
    public IReadOnlyList<SarifLogicalLocation>? LogicalLocations { get; init; }
}

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation)
{
    public SarifRegion? Region { get; init; }
}

public sealed record SarifArtifactLocation
{
    public string? Uri { get; init; }
    public string? UriBaseId { get; init; }
}

/// <summary>A text region: 1-based line and column (UTF-16 code units), optionally with character offset and length.</summary>
public sealed record SarifRegion(int StartLine, int StartColumn)
{
    public int? CharOffset { get; init; }
    public int? CharLength { get; init; }
}

/// <summary>A place named rather than positioned, e.g. the JSON path of a policy element or the ARN of an IAM user.</summary>
public sealed record SarifLogicalLocation(string FullyQualifiedName)
{
    public string? Kind { get; init; }
}

/// <summary>How the run went: whether it finished, and problems that are not results (unreadable files).</summary>
public sealed record SarifInvocation(bool ExecutionSuccessful)
{
    public IReadOnlyList<SarifNotification>? ToolExecutionNotifications { get; init; }
}

public sealed record SarifNotification(SarifMessage Message)
{
    public string? Level { get; init; }
    public IReadOnlyList<SarifLocation>? Locations { get; init; }
}
