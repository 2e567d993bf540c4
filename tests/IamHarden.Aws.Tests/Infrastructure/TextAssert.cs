namespace IamHarden.Aws.Tests.Infrastructure;

internal static class TextAssert
{
    /// <summary>Asserts two texts are identical, reporting the first differing line instead of two megabytes of JSON.</summary>
    public static void Identical(string expected, string actual, string what)
    {
        if (expected == actual)
            return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of text>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of text>";
            if (e != a)
            {
                var context = string.Join("\n", expectedLines.Skip(Math.Max(0, i - 5)).Take(6));
                Assert.Fail($"{what} differs at line {i + 1}:\n  expected: {e}\n  actual:   {a}\ncontext (expected):\n{context}");
            }
        }
        Assert.Fail($"{what} differs (line endings or trailing text).");
    }
}
