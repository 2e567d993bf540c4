using System.Diagnostics;
using IamHarden.Core.Catalog;
using Xunit.Abstractions;

namespace IamHarden.Core.Tests.Catalog;

/// <summary>
/// Measures loading, lookups and expansion inside the test run and prints the figures. Run:
/// <c>dotnet test tests/IamHarden.Core.Tests -c Release --filter "FullyQualifiedName~CatalogTimingTests" --logger "console;verbosity=detailed"</c>.
/// The assertions only catch an order-of-magnitude regression, so a busy CI machine does not fail
/// them; the figures in docs/CATALOG.md come from a fresh process (tools/catalog/measure-load.cs).
/// </summary>
public class CatalogTimingTests(ITestOutputHelper output)
{
    private static ActionCatalog LoadFresh()
    {
        using var stream = typeof(ActionCatalog).Assembly.GetManifestResourceStream("IamHarden.Core.Catalog.Data.catalog.bin")!;
        return ActionCatalog.Load(stream);
    }

    [Fact]
    public void Load_time_is_reported_and_far_below_a_second()
    {
        LoadFresh(); // the first load also pays for JIT compilation; report it separately
        var timings = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            LoadFresh();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        output.WriteLine($"catalog load: median {timings[2]:F1} ms, best {timings[0]:F1} ms (5 loads after a warm-up)");
        Assert.True(timings[2] < 1_000, $"loading took {timings[2]:F0} ms");
    }

    [Fact]
    public void Lookup_and_expansion_times_are_reported_and_bounded()
    {
        var catalog = ActionCatalog.Default;
        Report("FindAction(\"iam:CreateUser\")", () => catalog.FindAction("iam:CreateUser"), 100_000);
        Report("FindService(\"IAM\")", () => catalog.FindService("IAM"), 100_000);
        Report("FindConditionKey(\"aws:SourceIp\")", () => catalog.FindConditionKey("aws:SourceIp"), 100_000);
        Report("FindConditionKey(\"aws:PrincipalTag/team\")", () => catalog.FindConditionKey("aws:PrincipalTag/team"), 100_000);
        Report("FindConditionKey(\"s3:ExistingObjectTag/x\")", () => catalog.FindConditionKey("s3:ExistingObjectTag/x"), 100_000);
        Report("Expand(\"*\")", () => catalog.Expand("*"), 100_000);
        Report("Expand(\"s3:Get*\")", () => catalog.Expand("s3:Get*"), 10_000);
        Report("Expand(\"iam:*AccessKey*\")", () => catalog.Expand("iam:*AccessKey*"), 10_000);
        Report("Expand(\"*Mfa*\")", () => catalog.Expand("*Mfa*"), 1_000);
        Report("ExpandNot(7 MFA enrolment actions)", () => catalog.ExpandNot(
            ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices",
             "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"]), 1_000);
        Report("SuggestAction(\"s3:GetObjcet\")", () => catalog.SuggestAction("s3:GetObjcet"), 1_000);
        var user = catalog.FindService("iam")!.FindResourceType("user")!;
        Report("ResourceType user .Matches(arn)", () => user.Matches("arn:aws:iam::111122223333:user/alice"), 100_000);
    }

    private void Report(string what, Func<object?> operation, int iterations)
    {
        for (int i = 0; i < Math.Min(iterations, 1_000); i++) operation();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++) operation();
        double microseconds = watch.Elapsed.TotalMicroseconds / iterations;
        output.WriteLine($"{what}: {microseconds:F3} µs");
        Assert.True(microseconds < 50_000, $"{what} took {microseconds:F0} µs");
    }
}
