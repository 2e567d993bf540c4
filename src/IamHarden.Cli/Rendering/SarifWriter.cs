using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IamHarden.Cli.Rendering;

/// <summary>Writes a <see cref="SarifLog"/> as SARIF 2.1.0 JSON (camelCase, nulls left out), and builds artifact URIs.</summary>
public static class SarifWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(SarifLog log) => JsonSerializer.Serialize(log, Options) + "\n";

    /// <summary>The uriBaseId of paths relative to the directory the tool ran in.</summary>
    public const string SourceRoot = "%SRCROOT%";

    /// <summary>
    /// The artifact location of a file as given on the command line: relative paths stay relative
    /// to <see cref="SourceRoot"/> (what code scanning expects when run from the repository root),
    /// absolute paths become file: URIs. Each path segment is percent-encoded.
    /// </summary>
    public static SarifArtifactLocation ArtifactFor(string path)
    {
        if (Path.IsPathRooted(path))
            return new SarifArtifactLocation { Uri = new Uri(Path.GetFullPath(path)).AbsoluteUri };
        var segments = path.Replace('\\', '/').Split('/').Where(s => s is not ("" or ".")).Select(Uri.EscapeDataString);
        return new SarifArtifactLocation { Uri = string.Join('/', segments), UriBaseId = SourceRoot };
    }

    /// <summary>The originalUriBaseIds entry that roots <see cref="SourceRoot"/> at the current directory.</summary>
    public static IReadOnlyDictionary<string, SarifArtifactLocation> SourceRootBase() =>
        new Dictionary<string, SarifArtifactLocation>
        {
            [SourceRoot] = new() { Uri = new Uri(Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory) + Path.DirectorySeparatorChar).AbsoluteUri },
        };
}
