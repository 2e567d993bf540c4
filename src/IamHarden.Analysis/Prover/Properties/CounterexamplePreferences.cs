using IamHarden.Analysis.Prover.Encoding;

namespace IamHarden.Analysis.Prover.Properties;

/// <summary>
/// What makes a counterexample easy to read, as formulas the solver tries to satisfy one after the
/// other once it has found one: a well-known action, the user alice at the root path, no
/// resource-level surprise ("*" or a plain ARN), few context keys.
/// </summary>
internal static class CounterexamplePreferences
{
    /// <summary>Actions everybody recognises, in order.</summary>
    private static readonly string[] WellKnownActions =
    [
        "s3:GetObject", "ec2:DescribeInstances", "s3:PutObject", "iam:CreateUser", "iam:CreateAccessKey", "iam:ListUsers",
        "ec2:RunInstances", "iam:AttachUserPolicy", "lambda:InvokeFunction", "dynamodb:GetItem", "sts:AssumeRole",
        "kms:Decrypt", "secretsmanager:GetSecretValue", "cloudtrail:StopLogging",
    ];

    public static IReadOnlyList<string> For(Query query)
    {
        var request = query.Request;
        var preferences = new List<string>();
        var known = WellKnownActions.Select(query.Actions.IndexOf).Where(i => i is not null).Select(i => Smt.Smt.Eq(request.Action, Smt.Smt.Int(i!.Value))).ToList();
        preferences.Add(Smt.Smt.Not(Smt.Smt.Eq(request.Action, Smt.Smt.Int(query.Actions.FutureIndex))));
        preferences.Add(Smt.Smt.Or(known));
        if (query.Principal.NameIsOpen) preferences.Add(Smt.Smt.Eq(query.Principal.Name, Smt.Smt.Str("alice")));
        if (query.Principal.PathIsOpen) preferences.Add(Smt.Smt.Eq(query.Principal.Path, Smt.Smt.Str("/")));
        preferences.Add(request.ResourceIsStar);
        return preferences;
    }
}
