using IamHarden.Analysis.Audit;
using IamHarden.Analysis.Snapshot;
using IamHarden.Core.Evaluation;

namespace IamHarden.Cli.Input;

/// <summary>A user of an account snapshot with its effective policies, for `simulate --snapshot DIR --user NAME`.</summary>
public sealed record SnapshotUser(IamUser User, PolicySet Policies)
{
    public static SnapshotUser Load(string? snapshotDirectory, bool sample, string userName)
    {
        var directory = sample ? SampleAccount.Extract().SnapshotDirectory : snapshotDirectory!;
        AccountSnapshot snapshot;
        try
        {
            snapshot = SnapshotReader.Read(directory, BundledAwsManagedPolicies.Find);
        }
        catch (SnapshotException ex)
        {
            throw new UserInputException(ex.Message);
        }
        var user = snapshot.Users.FirstOrDefault(u => u.Name == userName)
            ?? throw new UserInputException($"--user \"{userName}\": no such user in the snapshot" +
                (Core.Text.FuzzyMatch.Best(userName, snapshot.Users.Select(u => u.Name)) is { } near ? $"; did you mean \"{near}\"?" : ""));
        var policies = new PrincipalPolicies(snapshot, []);
        if (policies.IsUndetermined(user))
            throw new UserInputException($"--user \"{userName}\": some of the user's policies could not be read from the snapshot, so its requests cannot be decided");
        return new SnapshotUser(user, policies.For(user));
    }
}
