using System.Text.Json;

namespace IamHarden.Aws.Apply;

/// <summary>What a journal file says: the apply's header, every change with its status and undo, and how it ended.</summary>
public sealed record JournalContents(string Path, string Id, string Account, string Caller, string? Endpoint, IReadOnlyList<JournalEntry> Entries, string? Outcome);

/// <summary>Reads an apply journal (see <see cref="ApplyJournal"/>), strictly: a line that is not a journal record is an
/// error with the file and line, except a torn last line (the process died while writing it), which is ignored.</summary>
public static class JournalReader
{
    public static JournalContents Read(string path)
    {
        if (!File.Exists(path)) throw new JournalException($"{path}: no such journal file");
        var lines = File.ReadAllLines(path);
        string? id = null, account = null, caller = null, endpoint = null, outcome = null;
        var entries = new Dictionary<int, JournalEntry>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(lines[i]);
            }
            catch (JsonException e)
            {
                if (i == lines.Length - 1 && id is not null) break;
                throw new JournalException($"{path}:{i + 1}:1: not a journal record: {e.Message}");
            }
            using (document)
            {
                var record = document.RootElement;
                string type = record.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
                if (i == 0 || id is null)
                {
                    if (type != "start" || !record.TryGetProperty("format", out var format) || format.GetString() != ApplyJournal.Format)
                        throw new JournalException($"{path}:{i + 1}:1: not an IamHarden apply journal (the first record must be {{\"type\":\"start\",\"format\":\"{ApplyJournal.Format}\",...}})");
                    if (record.GetProperty("version").GetInt32() > ApplyJournal.Version)
                        throw new JournalException($"{path}:{i + 1}:1: journal version {record.GetProperty("version").GetInt32()} is newer than this IamHarden understands ({ApplyJournal.Version})");
                    id = record.GetProperty("id").GetString();
                    account = record.GetProperty("account").GetString();
                    caller = record.GetProperty("caller").GetString();
                    endpoint = record.TryGetProperty("endpoint", out var e) ? e.GetString() : null;
                    continue;
                }
                try
                {
                    int seq = record.TryGetProperty("seq", out var s) ? s.GetInt32() : 0;
                    switch (type)
                    {
                        case "intent": entries[seq] = new JournalEntry(seq, PlannedChangeJson.Read(record.GetProperty("change"))); break;
                        case "done":
                            Entry(seq).Status = ChangeStatus.Done;
                            Entry(seq).CreatedVersionId = record.TryGetProperty("versionId", out var v) ? v.GetString() : null;
                            break;
                        case "failed": Entry(seq).Status = ChangeStatus.Failed; break;
                        case "undo-intent": break;
                        case "undone" or "undo-failed" or "undo-skipped":
                            Entry(seq).Undo = type == "undone" ? UndoStatus.Undone : type == "undo-failed" ? UndoStatus.Failed : UndoStatus.Skipped;
                            Entry(seq).UndoMessage = record.TryGetProperty("message", out var m) ? m.GetString() : null;
                            if (type == "undone" && record.TryGetProperty("versionId", out var restored)) Entry(seq).CreatedVersionId = restored.GetString();
                            break;
                        case "end": outcome = record.GetProperty("outcome").GetString(); break;
                        default: throw new FormatException($"unknown record type \"{type}\"");
                    }
                }
                catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException)
                {
                    throw new JournalException($"{path}:{i + 1}:1: broken journal record: {e.Message}");
                }
            }

            JournalEntry Entry(int seq) => entries.TryGetValue(seq, out var entry) ? entry
                : throw new FormatException($"change {seq} has no intent record before it");
        }
        if (id is null) throw new JournalException($"{path}:1:1: the journal is empty");
        return new JournalContents(System.IO.Path.GetFullPath(path), id, account!, caller!, endpoint, entries.Values.OrderBy(e => e.Seq).ToList(), outcome);
    }
}
