using IamHarden.Analysis.Lint.Rules.Catalog;
using IamHarden.Analysis.Lint.Rules.Conditions;
using IamHarden.Analysis.Lint.Rules.Grammar;
using IamHarden.Analysis.Lint.Rules.Mfa;
using IamHarden.Analysis.Lint.Rules.Security;
using IamHarden.Analysis.Lint.Rules.SourceIp;
using IamHarden.Analysis.Lint.Rules.Structure;

namespace IamHarden.Analysis.Lint;

/// <summary>Every lint rule, in the order docs/LINT.md lists them (by category). Add a new rule here.</summary>
public static class LintRules
{
    public static IReadOnlyList<LintRule> All { get; } =
    [
        // Grammar
        new JsonSyntaxErrorRule(),
        new NotAPolicyRule(),
        new DuplicateJsonKeyRule(),
        new InvalidPolicyElementRule(),
        new InvalidElementTypeRule(),
        new InvalidVersionRule(),
        new MissingStatementRule(),
        new MissingEffectRule(),
        new InvalidEffectRule(),
        new MissingActionRule(),
        new MissingResourceRule(),
        new MissingPrincipalRule(),
        new UnsupportedPrincipalRule(),
        new UnsupportedResourceRule(),
        new UnsupportedElementCombinationRule(),
        new InvalidActionFormatRule(),
        new InvalidArnRule(),
        new InvalidPrincipalTypeRule(),
        new InvalidConditionOperatorRule(),
        new InvalidSetQualifierRule(),
        new NullWithIfExistsRule(),
        new InvalidVariableForOperatorRule(),
        new InvalidConditionValueRule(),
        new UnsupportedSidRule(),
        new UniqueSidsRequiredRule(),
        new DuplicateKeysWithDifferentCaseRule(),
        new EmptySidValueRule(),
        new EmptyVariableRule(),
        new IdInIdentityPolicyRule(),
        new LegacyVersionRule(),
        new MissingBraceInVariableRule(),
        new MissingQuoteInVariableRule(),
        new MissingVersionRule(),
        new UniqueSidsRecommendedRule(),
        new UnsupportedSpaceInVariableRule(),
        new VariableUnsupportedInElementRule(),
        new VariableInArnPrefixRule(),
        new VariableUnsupportedInVersionRule(),
        // Catalog
        new ArnWildcardCrossesColonsRule(),
        new ConditionKeyNotSupportedByActionsRule(),
        new InvalidActionRule(),
        new InvalidArnAccountRule(),
        new InvalidArnRegionRule(),
        new InvalidArnServiceRule(),
        new InvalidConditionMultipleBooleanRule(),
        new InvalidGlobalConditionKeyRule(),
        new InvalidPartitionRule(),
        new InvalidServiceConditionKeyRule(),
        new InvalidServiceInActionRule(),
        new MissingArnFieldRule(),
        new ResourceTypeMismatchRule(),
        new TypeMismatchRule(),
        new WildcardInServiceNameRule(),
        // Conditions
        new DateWithoutTimeZoneRule(),
        new EmptyArrayConditionRule(),
        new EmptyObjectConditionRule(),
        new ForAllValuesAllowWithoutNullCheckRule(),
        new ForAllValuesWithSingleValuedKeyRule(),
        new ForAnyValueNegatedInDenyRule(),
        new IfExistsWithSetOperatorRule(),
        new MissingQualifierRule(),
        new NullWithQualifierRule(),
        new SetOperatorOnSingleValuedKeyRule(),
        new WildcardWithoutLikeOperatorRule(),
        // Structure
        new AllowShadowedByDenyRule(),
        new PolicySizeExceedsQuotaRule(),
        new RedundantActionRule(),
        new RedundantResourceRule(),
        new RedundantStatementRule(),
        // Security
        new AllowAllActionsRule(),
        new AllowAnyPrincipalRule(),
        new AllowServiceWildcardRule(),
        new AllowWithNotActionRule(),
        new AllowWithNotPrincipalRule(),
        new AllowWithNotResourceRule(),
        new PassRoleWithNotResourceRule(),
        new PassRoleWithStarInResourceRule(),
        new PrivilegeEscalationRule(),
        // Mfa
        new MfaAgeWithoutIfExistsRule(),
        new MfaAllowIfExistsRule(),
        new MfaCheckedWithNullRule(),
        new MfaDenyBoolWithoutIfExistsRule(),
        new MfaDenyWithActionInsteadOfNotActionRule(),
        new MfaEnrollmentActionsMissingRule(),
        new MfaPasswordResetBlockedRule(),
        // SourceIp
        new ImproveIpRangeRule(),
        new IpRangeAllAddressesRule(),
        new PrivateIpAddressRule(),
        new PrivateIpAddressSubsetRule(),
        new PrivateNotIpAddressRule(),
        new PrivateNotIpAddressSubsetRule(),
        new SourceIpDenyWithIpAddressRule(),
        new SourceIpDenyWithoutViaAwsServiceRule(),
        new SourceIpIfExistsAllowsVpcEndpointsRule(),
        new SourceIpIfExistsNoEffectRule(),
        new SourceIpIpv4OnlyRule(),
        new SourceIpWithVpcEndpointKeysRule(),
    ];

    /// <summary>The rule with <paramref name="code"/>, or null.</summary>
    public static LintRule? Find(string code) => All.FirstOrDefault(r => r.Info.Code == code);
}
