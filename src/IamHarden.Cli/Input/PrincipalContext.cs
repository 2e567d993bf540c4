using IamHarden.Core.Evaluation;

namespace IamHarden.Cli.Input;

/// <summary>
/// The context keys AWS sets from the caller's identity (spec §6 "Principal key values"), added
/// only on request (--derive-context) because an absent key is itself a case worth simulating.
/// </summary>
public static class PrincipalContext
{
    public static void AddDerivedKeys(RequestContext context, PrincipalIdentity principal)
    {
        void AddIfAbsent(string key, string? value)
        {
            if (value is not null && !context.Contains(key)) context.Set(key, value);
        }
        switch (principal.Kind)
        {
            case PrincipalKind.User:
                AddIfAbsent("aws:username", principal.Name);
                AddIfAbsent("aws:PrincipalArn", principal.Arn);
                AddIfAbsent("aws:PrincipalType", "User");
                break;
            case PrincipalKind.RoleSession:
                AddIfAbsent("aws:PrincipalArn", $"arn:{principal.Partition}:iam::{principal.AccountId}:role/{principal.RoleName}");
                AddIfAbsent("aws:PrincipalType", "AssumedRole");
                break;
            case PrincipalKind.FederatedUser:
                AddIfAbsent("aws:PrincipalArn", principal.Arn);
                AddIfAbsent("aws:PrincipalType", "FederatedUser");
                break;
            case PrincipalKind.Root:
                AddIfAbsent("aws:PrincipalArn", principal.Arn);
                AddIfAbsent("aws:PrincipalType", "Account");
                AddIfAbsent("aws:userid", principal.AccountId);
                break;
        }
        if (principal.AccountId.Length > 0) AddIfAbsent("aws:PrincipalAccount", principal.AccountId);
    }
}
