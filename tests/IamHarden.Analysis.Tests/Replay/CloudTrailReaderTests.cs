using IamHarden.Analysis.Replay;

namespace IamHarden.Analysis.Tests.Replay;

public class CloudTrailReaderTests
{
    [Fact]
    public void Reads_a_log_file_as_CloudTrail_delivers_it()
    {
        var records = ReplayFixtures.All;
        Assert.Equal(24, records.Count);
        var first = records[0];
        Assert.Equal("long-term-key-call", first.EventId);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 9, 30, 0, TimeSpan.Zero), first.EventTime);
        Assert.Equal("ec2.amazonaws.com", first.EventSource);
        Assert.Equal("IAMUser", first.Identity.Type);
        Assert.True(first.Identity.UsesLongTermKey);
        Assert.True(first.HasTlsDetails);
        // Each record of a Records list is positioned where it starts.
        Assert.Matches(@"records\.json:3:\d+$", first.Location);
        Assert.Matches(@"records\.json:(\d+):\d+$", records[1].Location);
        Assert.NotEqual(first.Location, records[1].Location);
    }

    [Fact]
    public void Reads_session_context_resources_and_request_parameters()
    {
        var vpce = ReplayFixtures.Record("via-vpc-endpoint");
        Assert.Equal("vpce-0a1b2c3d4e5f67890", vpce.VpcEndpointId);
        Assert.Equal(["arn:aws:s3:::example-reports/q3.csv"], vpce.ResourceArns);
        Assert.Equal("example-reports", vpce.RequestParameters["bucketName"]);
        Assert.Equal("true", vpce.Identity.MfaAuthenticated);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero), vpce.Identity.SessionCreated);
        var role = ReplayFixtures.Record("role-session");
        Assert.Equal("arn:aws:iam::111122223333:role/Auditor", role.Identity.SessionIssuerArn);
        Assert.Equal("cloudformation.amazonaws.com", ReplayFixtures.Record("via-cloudformation").Identity.InvokedBy);
    }

    [Theory]
    [InlineData("lookup-events.json", 3)]
    [InlineData("records.jsonl", 3)]
    [InlineData("array.json", 2)]
    public void Reads_the_other_shapes_people_have(string file, int count)
    {
        var records = CloudTrailReader.ReadFile(ReplayFixtures.File(file)).ToList();
        Assert.Equal(count, records.Count);
        Assert.Equal("long-term-key-call", records[0].EventId);
        Assert.Equal("session-without-mfa", records[1].EventId);
    }

    [Fact]
    public void Walks_a_folder_of_gzip_files_and_skips_digests_and_other_files()
    {
        var files = CloudTrailReader.ExpandPaths([ReplayFixtures.File("tree")]);
        var file = Assert.Single(files);
        Assert.EndsWith("_a.json.gz", file);
        Assert.Equal(2, CloudTrailReader.Read(files).Count());
    }

    [Theory]
    [InlineData("empty.json", "empty.json: the file is empty")]
    [InlineData("truncated.json", @"truncated.json:\d+:\d+: invalid JSON \(is the file truncated\?\)")]
    [InlineData("not-cloudtrail.json", @"not-cloudtrail.json:1:1: expected CloudTrail records: .*found an object with members ""Resources"", ""AWSTemplateFormatVersion""")]
    [InlineData("missing-time.json", @"missing-time.json:\d+:\d+: the event record has no ""eventTime""")]
    [InlineData("bad-time.json", @"bad-time.json:3:\d+: eventTime ""yesterday"" is not an ISO 8601 time")]
    [InlineData("corrupt.json.gz", @"corrupt.json.gz: the gzip file is truncated or corrupt")]
    public void Bad_files_are_explained_with_their_position(string file, string expected)
    {
        var ex = Assert.Throws<CloudTrailException>(() => CloudTrailReader.ReadFile(ReplayFixtures.File(file)).ToList());
        Assert.Matches(expected, ex.Message);
    }

    [Fact]
    public void A_missing_path_says_what_to_give()
    {
        var ex = Assert.Throws<CloudTrailException>(() => CloudTrailReader.ExpandPaths(["/nonexistent/trail"]));
        Assert.Contains("no such file or directory", ex.Message);
    }

    [Fact]
    public void Content_after_the_document_is_an_error()
    {
        var bytes = "{\"Records\":[]}\n{\"Records\":[]}"u8.ToArray();
        var ex = Assert.Throws<CloudTrailException>(() => CloudTrailReader.Parse(bytes, "twice.json"));
        Assert.StartsWith("twice.json:2:1: unexpected content", ex.Message);
    }
}
