using System.Text;
using IamHarden.Analysis.Audit.Access;
using IamHarden.Core.Evaluation;

namespace IamHarden.Analysis.Audit;

/// <summary>Turns an access answer into the counterexample of a finding, with a sentence in both languages.</summary>
internal static class CounterexampleText
{
    public static Counterexample From(AccessAnswer answer, string explanation, Snapshot.IamUser user) =>
        new(answer.Request!, explanation, answer.Proven) { AbsentKeys = answer.AbsentKeys, UserName = user.Name };

    /// <summary>"s3:GetObject on arn:aws:s3:::b/k with aws:MultiFactorAuthPresent absent, aws:SourceIp=198.51.100.7".</summary>
    public static string Describe(AccessAnswer answer)
    {
        var request = answer.Request!;
        var sb = new StringBuilder($"{request.Action} on {request.Resource}");
        var parts = request.Context.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value}")
            .Concat(answer.AbsentKeys.Select(k => $"{k} absent")).ToList();
        if (parts.Count > 0) sb.Append(" with ").Append(string.Join(", ", parts));
        return sb.ToString();
    }
}
