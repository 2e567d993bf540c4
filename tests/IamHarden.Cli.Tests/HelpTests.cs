using System.Text.RegularExpressions;

namespace IamHarden.Cli.Tests;

/// <summary>
/// Every command's --help renders. Option descriptions are Spectre markup, so a stray "[...]" in
/// one (a JSON example, an AWS profile name) once crashed the help of four commands.
/// </summary>
public class HelpTests
{
    /// <summary>The command names listed under COMMANDS: in a help page.</summary>
    private static List<string> Commands(string help) =>
        help.Split('\n').SkipWhile(l => !l.StartsWith("COMMANDS:")).Skip(1)
            .Select(l => Regex.Match(l, @"^\s{4}(\S+)\s")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void Every_command_and_subcommand_has_a_help_page()
    {
        var top = CliProcess.Run("--help");
        Assert.Equal(0, top.ExitCode);
        var commands = Commands(top.Stdout);
        Assert.Contains("simulate", commands);
        Assert.Contains("policy", commands);
        var checkedPages = 0;
        foreach (var command in commands)
        {
            var page = CliProcess.Run(command, "--help");
            Assert.True(page.ExitCode == 0, $"iamharden {command} --help exited {page.ExitCode}: {page.Stderr}");
            Assert.Contains("USAGE:", page.Stdout);
            Assert.DoesNotContain("Unhandled exception", page.Stderr);
            checkedPages++;
            foreach (var sub in Commands(page.Stdout))
            {
                var subPage = CliProcess.Run(command, sub, "--help");
                Assert.True(subPage.ExitCode == 0, $"iamharden {command} {sub} --help exited {subPage.ExitCode}: {subPage.Stderr}");
                Assert.Contains("OPTIONS:", subPage.Stdout);
                checkedPages++;
            }
        }
        Assert.True(checkedPages >= 10, $"only {checkedPages} help pages found");
    }
}
