using Monitoring.Silo;
using Monitoring.Silo.Commands;

// Verbs first (each prints its own usage); no verb runs the host.
return args.FirstOrDefault() switch
{
    "token" => TokenCommand.Run(args[1..]),
    "demo" => await DemoCommand.RunAsync(args[1..]),
    "migrate" => await MigrateCommand.RunAsync(args[1..]),
    _ => await RunHostAsync(args),
};

static async Task<int> RunHostAsync(string[] args)
{
    var app = await MonitoringHost.CreateAsync(args);
    await app.RunAsync();
    return 0;
}
