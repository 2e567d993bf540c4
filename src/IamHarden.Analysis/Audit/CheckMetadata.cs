namespace IamHarden.Analysis.Audit;

/// <summary>
/// A text in the two languages IamHarden reports in. A finding's text can be made when first
/// read (<see cref="Later"/>): a report is written in one language, and a large account's audit
/// would otherwise build and keep both strings for every finding.
/// </summary>
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    private string? _en, _ko;
    private readonly Func<string>? _makeEn, _makeKo;

    public LocalizedText(string en, string ko)
    {
        _en = en;
        _ko = ko;
    }

    private LocalizedText(Func<string> en, Func<string> ko)
    {
        _makeEn = en;
        _makeKo = ko;
    }

    /// <summary>A text whose strings are made when first read (each once; the makers must not depend on state that changes).</summary>
    public static LocalizedText Later(Func<string> en, Func<string> ko) => new(en, ko);

    // A race makes the same string twice, which is harmless.
    public string En => _en ??= _makeEn!();

    public string Ko => _ko ??= _makeKo!();

    public string In(string language) => language == "ko" ? Ko : En;

    public bool Equals(LocalizedText? other) => other is not null && En == other.En && Ko == other.Ko;

    public override bool Equals(object? obj) => obj is LocalizedText other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(En, Ko);

    public override string ToString() => En;
}

/// <summary>
/// Everything a report needs to know about a check besides its findings: id, title, severity,
/// why it matters, the guide's section, CIS AWS Foundations ids per benchmark version (the
/// numbering moves every release), the ISMS-P control, and how to fix it — in English and Korean,
/// with the CLI command or policy that does it.
/// </summary>
public sealed record CheckMetadata
{
    public required string Id { get; init; }
    public required LocalizedText Title { get; init; }
    public required Severity Severity { get; init; }
    public required LocalizedText Risk { get; init; }
    /// <summary>What the check decides and how, from which snapshot facts (docs/CHECKS.md prints it).</summary>
    public required string Logic { get; init; }
    public required LocalizedText Remediation { get; init; }
    /// <summary>The command(s) or policy that fix the finding (shown to copy).</summary>
    public string? FixCommand { get; init; }
    /// <summary>Section of the guide (../shared/seed) the check comes from, e.g. "2" (MFA) or "5" (cautions).</summary>
    public string? GuideSection { get; init; }
    /// <summary>CIS AWS Foundations Benchmark ids by benchmark version ("3.0", "7.0").</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Cis { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>ISMS-P control numbers (Korea's certification), e.g. "2.5.3".</summary>
    public IReadOnlyList<string> IsmsP { get; init; } = [];
    /// <summary>The kind of subject the check looks at: user, account, managed policy, group.</summary>
    public required string Subject { get; init; }

    /// <summary>References in the form the JSON contract uses: "guide §2", "CIS 3.0 1.10", "CIS 7.0 2.10", "ISMS-P 2.5.3".</summary>
    public IReadOnlyList<string> References()
    {
        var references = new List<string>();
        if (GuideSection is not null) references.Add($"guide §{GuideSection}");
        foreach (var (version, ids) in Cis.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            foreach (var id in ids) references.Add($"CIS {version} {id}");
        foreach (var control in IsmsP) references.Add($"ISMS-P {control}");
        return references;
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> CisIds(string? v30, string? v70)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        if (v30 is not null) result["3.0"] = v30.Split(',');
        if (v70 is not null) result["7.0"] = v70.Split(',');
        return result;
    }
}
