namespace IamHarden.Aws;

/// <summary>The account password policy (GetAccountPasswordPolicy).</summary>
public sealed record PasswordPolicy(
    int? MinimumPasswordLength,
    bool RequireSymbols,
    bool RequireNumbers,
    bool RequireUppercaseCharacters,
    bool RequireLowercaseCharacters,
    bool AllowUsersToChangePassword,
    bool ExpirePasswords,
    int? MaxPasswordAge,
    int? PasswordReusePrevention,
    bool? HardExpiry);
