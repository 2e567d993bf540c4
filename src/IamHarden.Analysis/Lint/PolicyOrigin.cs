namespace IamHarden.Analysis.Lint;

/// <summary>Who wrote the policy: it changes what counts as an error.</summary>
public enum PolicyOrigin
{
    /// <summary>Written by the account's users (the default): every rule applies at its own severity.</summary>
    Customer,

    /// <summary>
    /// An AWS managed policy (arn:aws:iam::aws:policy/...). AWS keeps retired action and condition
    /// key names in its own policies, and its policies are not bound by the customer size quotas,
    /// so names missing from the catalog are reported as warnings and sizes are not checked.
    /// </summary>
    AwsManaged,
}
