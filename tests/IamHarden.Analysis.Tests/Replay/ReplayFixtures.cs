using IamHarden.Analysis.Replay;

namespace IamHarden.Analysis.Tests.Replay;

/// <summary>The hand-made CloudTrail records of tests/fixtures/replay/records.json, by eventID.</summary>
internal static class ReplayFixtures
{
    public static string File(string name) => Fixtures.File("replay", name);

    public static IReadOnlyList<CloudTrailRecord> All { get; } = CloudTrailReader.ReadFile(File("records.json")).ToList();

    public static CloudTrailRecord Record(string eventId) => All.First(r => r.EventId == eventId);
}
