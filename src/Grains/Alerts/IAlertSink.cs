namespace Monitoring.Alerts;

/// <summary>
/// Where grains hand the alerts they raise: the host stores them (once per id) and then pushes them to every
/// web front's hub. Implemented by the host; a grain awaits it only for storage, never for the push.
/// </summary>
public interface IAlertSink
{
    Task PublishAsync(IReadOnlyList<Alert> alerts);
}
