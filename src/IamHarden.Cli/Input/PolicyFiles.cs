using IamHarden.Core.Evaluation;
using IamHarden.Core.Policy;

namespace IamHarden.Cli.Input;

/// <summary>
/// Loads policy files for commands: parse, report every grammar error with its position, compile.
/// An argument of the form arn:aws:iam::aws:policy/NAME names an AWS managed policy from the
/// bundled corpus instead of a file.
/// </summary>
public static class PolicyFiles
{
    public const string AwsManagedPrefix = "arn:aws:iam::aws:policy/";

    public static PolicyDocument LoadDocument(string path, PolicyKind kind)
    {
        if (path.StartsWith(AwsManagedPrefix, StringComparison.Ordinal))
            return Analysis.Snapshot.BundledAwsManagedPolicies.Find(path)?.Document
                ?? throw new UserInputException($"{path}: not an AWS managed policy IamHarden knows (its bundled copy holds {Analysis.Snapshot.BundledAwsManagedPolicies.Count:N0}); give a policy file instead");
        var bytes = InputFiles.ReadAllBytes(path, what: "policy file");
        var name = InputFiles.IsStandardInput(path) ? "<stdin>" : path;
        var result = PolicyParser.Parse(bytes, name, kind);
        if (!result.HasErrors) return result.Document!;
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Format(name)).ToList();
        throw new UserInputException(errors[0]) { Details = errors.Skip(1).ToList(), IsPositioned = true };
    }

    public static CompiledPolicy Load(string path, PolicyKind kind) => CompiledPolicy.Compile(LoadDocument(path, kind));

    public static IReadOnlyList<CompiledPolicy> LoadAll(IEnumerable<string>? paths, PolicyKind kind) =>
        (paths ?? []).Select(p => Load(p, kind)).ToList();

    /// <summary>
    /// The --scp files as one SCP level. An SCP level allows only what one of its policies allows
    /// (AWS attaches FullAWSAccess by default): deny-list SCPs given alone would deny every request,
    /// which <paramref name="warnings"/> is told.
    /// </summary>
    public static IReadOnlyList<CompiledPolicy> LoadServiceControlPolicies(IEnumerable<string>? paths, TextWriter warnings)
    {
        var scps = LoadAll(paths, PolicyKind.ServiceControl);
        if (scps.Count > 0 && scps.All(p => p.Document.Statements.All(s => s.Effect != Effect.Allow)))
            warnings.WriteLine("warning: no --scp policy allows anything, so every request is denied at the SCP level; add the FullAWSAccess policy ({\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}) as another --scp");
        return scps;
    }
}
