using IamHarden.Cli;

return CliApplication.Run(args);
