#:project ../../src/IamHarden.Core/IamHarden.Core.csproj
#:property PublishAot=false

// Measures what the action catalog costs a fresh IamHarden process: the first load of
// ActionCatalog.Default (decompression, parsing and JIT compilation included), warm reloads, and
// warm lookups and expansions. Run from the repository root:
//   dotnet run -c Release tools/catalog/measure-load.cs
// docs/CATALOG.md quotes its output. "-c Release" on the command line is what makes the
// referenced IamHarden.Core a Release build too (a #:property would not reach it). PublishAot=false:
// file-based programs default to native-AOT settings (size-optimised LINQ and other feature
// switches) that the JIT-run CLI does not use.

using System.Diagnostics;
using IamHarden.Core.Catalog;

var watch = Stopwatch.StartNew();
var catalog = ActionCatalog.Default;
double coldLoad = watch.Elapsed.TotalMilliseconds;

watch.Restart();
int getters = catalog.Expand("s3:Get*").Length;
double firstExpand = watch.Elapsed.TotalMilliseconds;

// Each reload leaves a whole catalog as garbage; collecting it first keeps one reload from
// paying for the previous one.
var warmLoads = new List<double>();
var assembly = typeof(ActionCatalog).Assembly;
for (int i = 0; i < 15; i++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    using var stream = assembly.GetManifestResourceStream("IamHarden.Core.Catalog.Data.catalog.bin")!;
    watch.Restart();
    ActionCatalog.Load(stream);
    warmLoads.Add(watch.Elapsed.TotalMilliseconds);
}
warmLoads.Sort();

long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
ActionCatalog retained;
using (var stream = assembly.GetManifestResourceStream("IamHarden.Core.Catalog.Data.catalog.bin")!)
    retained = ActionCatalog.Load(stream);
long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
GC.KeepAlive(retained);

Console.WriteLine($"{catalog.DataSource} {catalog.DataVersion} ({catalog.DataDate:yyyy-MM-dd}): " +
    $"{catalog.Services.Length} services, {catalog.AllActions.Length} actions, " +
    $"{catalog.Services.Sum(s => s.ResourceTypes.Length)} resource types, " +
    $"{catalog.Services.SelectMany(s => s.ConditionKeys).Concat(catalog.GlobalConditionKeys).Distinct().Count()} condition key definitions " +
    $"({catalog.GlobalConditionKeys.Length} global), {catalog.Services.Count(s => s.IsRcpSupported)} RCP services");
Console.WriteLine($"first load of ActionCatalog.Default in a fresh process: {coldLoad:F1} ms");
Console.WriteLine($"first Expand(\"s3:Get*\") after it ({getters} actions): {firstExpand:F2} ms");
Console.WriteLine($"warm ActionCatalog.Load, 15 runs: best {warmLoads[0]:F1} ms, median {warmLoads[7]:F1} ms");
Console.WriteLine($"managed heap held by one loaded catalog: {(heapAfter - heapBefore) / 1e6:F1} MB");

var user = catalog.FindService("iam")!.FindResourceType("user")!;
Measure("FindAction(\"iam:CreateUser\")", () => catalog.FindAction("iam:CreateUser"), 200_000);
Measure("FindService(\"IAM\")", () => catalog.FindService("IAM"), 200_000);
Measure("FindConditionKey(\"aws:SourceIp\")", () => catalog.FindConditionKey("aws:SourceIp"), 200_000);
Measure("FindConditionKey(\"aws:PrincipalTag/team\")", () => catalog.FindConditionKey("aws:PrincipalTag/team"), 200_000);
Measure("FindConditionKey(\"s3:ExistingObjectTag/x\")", () => catalog.FindConditionKey("s3:ExistingObjectTag/x"), 200_000);
Measure("Expand(\"*\")", () => catalog.Expand("*"), 200_000);
Measure("Expand(\"s3:Get*\")", () => catalog.Expand("s3:Get*"), 20_000);
Measure("Expand(\"iam:*AccessKey*\")", () => catalog.Expand("iam:*AccessKey*"), 20_000);
Measure("Expand(\"*Mfa*\")", () => catalog.Expand("*Mfa*"), 5_000);
Measure("Expand(\"*:List*\")", () => catalog.Expand("*:List*"), 1_000);
Measure("ExpandNot(the guide's 7 MFA enrolment actions)", () => catalog.ExpandNot(
    ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices",
     "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"]), 1_000);
Measure("SuggestAction(\"s3:GetObjcet\")", () => catalog.SuggestAction("s3:GetObjcet"), 5_000);
Measure("user type .Matches(\"arn:aws:iam::111122223333:user/alice\")", () => user.Matches("arn:aws:iam::111122223333:user/alice"), 200_000);

static void Measure(string what, Func<object?> operation, int iterations)
{
    for (int i = 0; i < Math.Min(iterations, 2_000); i++) operation();
    var watch = Stopwatch.StartNew();
    for (int i = 0; i < iterations; i++) operation();
    Console.WriteLine($"{what}: {watch.Elapsed.TotalMicroseconds / iterations:F2} µs");
}
