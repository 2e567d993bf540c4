namespace IamHarden.Analysis.Configuration;

/// <summary>The configuration file is unusable; the message names the file, line, column and what was expected.</summary>
public sealed class ConfigException(string message) : Exception(message);
