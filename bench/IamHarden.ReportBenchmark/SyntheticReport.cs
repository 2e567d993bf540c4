using System.Text.RegularExpressions;
using IamHarden.Analysis.Audit;
using IamHarden.Core.Evaluation;

/// <summary>
/// A large audit report made from a real one: every user of the sample account's audit is
/// copied under new names until the report has the wanted number of users, each copy with the
/// findings (messages, fix commands, counterexamples) of the user it copies and two tags. The
/// mix of controls and findings per user is therefore the sample's — a deliberately unhealthy
/// account (about 1.3 findings per user) — and the account-level findings appear once.
/// </summary>
internal static class SyntheticReport
{
    public static AuditReport Scale(AuditReport sample, int userCount)
    {
        var templates = sample.Users;
        var findingsBySubject = sample.Findings.ToLookup(f => f.Subject, StringComparer.Ordinal);
        var users = new List<UserStatus>(userCount);
        var findings = new List<Finding>();
        for (int i = 0; i < userCount; i++)
        {
            var template = templates[i % templates.Count];
            int copy = i / templates.Count;
            var name = $"{template.User.Name}-{copy:D4}";
            var arn = template.User.Arn[..(template.User.Arn.Length - template.User.Name.Length)] + name;
            var tags = new Dictionary<string, string> { ["team"] = $"team-{copy % 40:D2}", ["owner"] = $"{name}@example.com" };
            users.Add(template with { User = template.User with { Name = name, Arn = arn, UserId = $"AIDASYNTH{i:D11}", Tags = tags } });

            var sameName = new Regex(@"(?<![A-Za-z0-9_-])" + Regex.Escape(template.User.Name) + @"(?![A-Za-z0-9_-])");
            foreach (var finding in findingsBySubject[template.User.Arn])
            {
                findings.Add(finding with
                {
                    Subject = arn,
                    Message = new LocalizedText(sameName.Replace(finding.Message.En, name), sameName.Replace(finding.Message.Ko, name)),
                    FixCommand = finding.FixCommand is null ? null : sameName.Replace(finding.FixCommand, name),
                    Counterexample = finding.Counterexample is { } example
                        ? example with { Request = example.Request with { Principal = PrincipalIdentity.Parse(arn) }, UserName = name }
                        : null,
                });
            }
        }
        var userArns = templates.Select(u => u.User.Arn).ToHashSet(StringComparer.Ordinal);
        findings.AddRange(sample.Findings.Where(f => !userArns.Contains(f.Subject)));

        var checkOrder = sample.ChecksRun.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var sorted = findings.OrderBy(f => f.Severity).ThenBy(f => checkOrder[f.Check.Id]).ThenBy(f => f.Subject, StringComparer.Ordinal).ToList();
        return sample with { Users = users, Findings = sorted };
    }
}
