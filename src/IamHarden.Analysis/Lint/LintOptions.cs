using IamHarden.Core.Catalog;
using IamHarden.Core.Policy;

namespace IamHarden.Analysis.Lint;

/// <summary>How to lint: what the policy is attached to, who wrote it, which quota applies, which codes to skip.</summary>
public sealed record LintOptions
{
    /// <summary>What the policy is attached to; it decides which elements are required or forbidden.</summary>
    public PolicyKind Kind { get; init; } = PolicyKind.Identity;

    /// <summary>Customer policies by default; <see cref="PolicyOrigin.AwsManaged"/> relaxes what AWS's own policies legitimately do.</summary>
    public PolicyOrigin Origin { get; init; } = PolicyOrigin.Customer;

    /// <summary>The size quota to check; null means the default for <see cref="Kind"/> (none for AWS managed policies).</summary>
    public SizeQuota? Quota { get; init; }

    /// <summary>Codes not to report (e.g. a deliberate choice documented elsewhere).</summary>
    public IReadOnlySet<string> IgnoredCodes { get; init; } = new HashSet<string>();

    /// <summary>The catalog actions, resource types and condition keys are checked against.</summary>
    public ActionCatalog Catalog { get; init; } = ActionCatalog.Default;

    /// <summary>The quota actually applied.</summary>
    public SizeQuota EffectiveQuota => Quota ?? (Origin == PolicyOrigin.AwsManaged ? SizeQuota.None : SizeQuotaExtensions.DefaultFor(Kind));
}
