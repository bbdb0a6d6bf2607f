using Monitoring.Silo;
using Monitoring.Silo.Commands;

// A verb first runs that verb (each prints its own help); no verb runs the host with every argument.
return Verbs.Named(args) ? await Verbs.RunAsync(args) : await RunHostAsync(args);

static async Task<int> RunHostAsync(string[] args)
{
    var app = await MonitoringHost.CreateAsync(args);
    await app.RunAsync();
    return 0;
}
