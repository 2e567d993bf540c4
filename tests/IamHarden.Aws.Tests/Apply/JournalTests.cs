using IamHarden.Aws.Apply;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Apply;

/// <summary>The journal file: never overwritten, read strictly, a torn last line tolerated.</summary>
public sealed class JournalTests
{
    private static PlannedChange Attach => new()
    {
        Action = ChangeAction.AttachGroupPolicy, Target = "arn:aws:iam::123456789012:group/Admins", Guardrail = GuardrailKind.Mfa,
        PolicyArn = "arn:aws:iam::123456789012:policy/Force_MFA", PolicyName = "Force_MFA", Reason = "listed", GroupName = "Admins",
        Users = [new AffectedUser("alice", "arn:aws:iam::123456789012:user/alice")],
    };

    [Fact]
    public void A_journal_round_trips_and_is_never_overwritten()
    {
        var path = Path.Combine(TestEnvironment.NewDirectory("journal"), "j.jsonl");
        using (var journal = ApplyJournal.Create(path, "123456789012", "arn:aws:iam::123456789012:user/admin", "http://127.0.0.1:1/", "c.yaml", 1, DateTimeOffset.UtcNow))
        {
            journal.Intent(1, Attach);
            journal.Done(1, null);
            journal.End(ApplyResult.Applied, "applied", DateTimeOffset.UtcNow);
        }
        var read = JournalReader.Read(path);
        Assert.Equal(("123456789012", "applied", "http://127.0.0.1:1/"), (read.Account, read.Outcome, read.Endpoint));
        var entry = Assert.Single(read.Entries);
        Assert.Equal(ChangeStatus.Done, entry.Status);
        Assert.Equal(Attach.ToString(), entry.Change.ToString());
        Assert.Equal("alice", Assert.Single(entry.Change.Users).Name);

        var error = Assert.Throws<IOException>(() => ApplyJournal.Create(path, "1", "x", null, null, 0, DateTimeOffset.UtcNow));
        Assert.Contains("the journal file already exists", error.Message);
    }

    [Fact]
    public void A_torn_last_line_is_ignored_and_a_broken_line_in_the_middle_is_an_error()
    {
        var path = Path.Combine(TestEnvironment.NewDirectory("journal"), "j.jsonl");
        using (var journal = ApplyJournal.Create(path, "123456789012", "caller", null, null, 1, DateTimeOffset.UtcNow))
            journal.Intent(1, Attach);
        File.AppendAllText(path, "{\"type\":\"done\",\"se");
        Assert.Equal(ChangeStatus.Intended, Assert.Single(JournalReader.Read(path).Entries).Status);

        File.AppendAllText(path, "\n{\"type\":\"end\",\"outcome\":\"applied\",\"message\":\"\",\"at\":\"\"}\n");
        Assert.StartsWith($"{path}:3:1: not a journal record", Assert.Throws<JournalException>(() => JournalReader.Read(path)).Message);
    }

    [Fact]
    public void A_file_that_is_not_a_journal_is_refused()
    {
        var path = Path.Combine(TestEnvironment.NewDirectory("journal"), "j.jsonl");
        File.WriteAllText(path, "{\"changes\":[]}\n");
        Assert.StartsWith($"{path}:1:1: not an IamHarden apply journal", Assert.Throws<JournalException>(() => JournalReader.Read(path)).Message);
        Assert.EndsWith("no such journal file", Assert.Throws<JournalException>(() => JournalReader.Read(path + ".missing")).Message);
    }
}
