namespace IamHarden.Cli.Tests.Html;

/// <summary>
/// Browser test classes run one after another (each with its own Chromium): on a two-core machine
/// several browsers at once only make each test slower and timing-sensitive.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
