using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Prover;

/// <summary>
/// The IAM user whose requests a query is about. Name and path may be left open, so that a proof
/// covers every user of the account (a counterexample then names one); tags may be fixed (the
/// audit knows them) or left open (any tags).
/// </summary>
public sealed record ProverPrincipal(string Account, string? Name, string? Path, IReadOnlyDictionary<string, string>? Tags)
{
    /// <summary>Any IAM user of the account (by default 123456789012, the account `simulate` uses), with any name, path and tags.</summary>
    public static ProverPrincipal AnyUser(string account = "123456789012") => new(account, null, null, null);

    /// <summary>
    /// The user named by an IAM user ARN (arn:aws:iam::ACCOUNT:user/PATH/NAME). Throws
    /// <see cref="FormatException"/> for anything else: the prover reasons about IAM users.
    /// </summary>
    public static ProverPrincipal User(string arn, IReadOnlyDictionary<string, string>? tags = null)
    {
        if (!PrincipalIdentity.TryParse(arn, out var identity) || identity.Kind != PrincipalKind.User)
            throw new FormatException($"\"{arn}\" is not an IAM user ARN; expected arn:aws:iam::123456789012:user/alice (the prover reasons about IAM users)");
        var resource = arn.Split(':', 6)[5]; // user/PATH/NAME
        var path = resource["user".Length..(resource.LastIndexOf('/') + 1)];
        return new ProverPrincipal(identity.AccountId, identity.Name, path, tags);
    }

    public string? Arn => Name is null || Path is null ? null : $"arn:aws:iam::{Account}:user{Path}{Name}";

    public override string ToString() => Arn ?? $"any IAM user of account {Account}";
}
