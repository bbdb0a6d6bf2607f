namespace Monitoring.Dashboard.Push;

/// <summary>
/// The cluster's one deliverer of stored alerts: opens the case an alert opens by itself and pushes every stored change
/// that was not pushed yet. Poked by the door after each store and by every silo's sweep; it reads what is owed from the
/// store, so a poke lost with a dead silo costs a sweep's delay, never an alert.
/// </summary>
public interface IAlertDeliveryGrain : IGrainWithIntegerKey
{
    Task DeliverAsync();
}
