using IamHarden.Core.Catalog;

namespace IamHarden.Analysis.Lint.Facts;

/// <summary>
/// A Region or account ID written into an ARN whose resource type has none there
/// ("arn:aws:s3:us-east-1:111122223333:my-bucket/*", "arn:aws:iam:us-east-1:111122223333:role/app"):
/// the ARN matches no resource type of its service as written, and one once that part is emptied.
/// </summary>
public static class ArnFieldUse
{
    public const int RegionField = 3;
    public const int AccountField = 4;

    /// <summary>The fields (Region, account) that must be emptied for the ARN to name a resource of its service; empty when none or unknown.</summary>
    public static IReadOnlyList<int> Misplaced(ActionCatalog catalog, ArnText arn, string value)
    {
        if (arn.ComponentCount < 6 || catalog.FindService(arn.Service) is not { ResourceTypes.IsEmpty: false } service) return [];
        bool region = arn.Region.Length > 0 && !ArnText.IsPattern(arn.Region);
        bool account = arn.Account.Length > 0 && !ArnText.IsPattern(arn.Account);
        if (!region && !account) return [];
        if (service.ResourceTypes.Any(t => t.Matches(value))) return [];
        foreach (int[] fields in (int[][])[[RegionField], [AccountField], [RegionField, AccountField]])
        {
            if (fields.Contains(RegionField) && !region || fields.Contains(AccountField) && !account) continue;
            var emptied = Empty(value, fields);
            if (service.ResourceTypes.Any(t => t.Matches(emptied))) return fields;
        }
        return [];
    }

    /// <summary>Reports each resource ARN whose <paramref name="field"/> (Region or account, named <paramref name="part"/>) must be emptied for it to name a resource.</summary>
    public static void Report(LintContext context, LintRuleInfo rule, int field, string part)
    {
        foreach (var statement in context.Statements)
        {
            foreach (var (value, arn, path) in ResourceArns.Of(statement))
            {
                var misplaced = Misplaced(context.Catalog, arn, value.Value);
                if (!misplaced.Contains(field)) continue;
                var written = field == RegionField ? arn.Region : arn.Account;
                context.Report(rule, value.Span, path,
                    $"\"{value.Value}\" names no resource: {arn.Service} resources of this kind have no {part} part in their ARN, and with \"{written}\" there the ARN matches none of them",
                    $"write \"{Empty(value.Value, misplaced)}\"");
            }
        }
    }

    /// <summary>The ARN with the given fields emptied, colons kept.</summary>
    public static string Empty(string arn, IEnumerable<int> fields)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length < 6) return arn;
        foreach (int field in fields) parts[field] = "";
        return string.Join(':', parts);
    }
}
