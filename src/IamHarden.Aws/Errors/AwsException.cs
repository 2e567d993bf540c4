namespace IamHarden.Aws;

/// <summary>
/// Base of every error IamHarden.Aws throws on purpose. Its <see cref="Exception.Message"/> is written for the
/// person running the tool: it says what failed and what to do, so a command can print it without a stack trace.
/// </summary>
public abstract class AwsException : Exception
{
    protected AwsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
