// Live push over SignalR (/hubs/monitoring, served client /dashboard/lib/signalr.min.js): the server puts this
// connection into the groups its token may see and sends `alert` (one alert document), `fund` (one fund
// snapshot), `case` and `assessment` (an alliance's review moved a step). While the hub cannot be reached the page says so and the caller polls instead.

const retryDelays = [0, 2_000, 5_000, 10_000, 20_000, 30_000];

/**
 * Connects and keeps connecting. handlers: onAlert(doc), onFund(snapshot), onState(state) with state one of
 * connecting / live / reconnecting / offline, onResumed() after a reconnect (to fetch what was missed).
 */
export function connectLive(token, handlers) {
  const signalR = window.signalR;
  if (!signalR) {
    handlers.onState('offline');
    return { stop: async () => {} };
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(new URL('hubs/monitoring', document.baseURI).toString(), { accessTokenFactory: () => token })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelays[Math.min(context.previousRetryCount, retryDelays.length - 1)] })
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  connection.on('alert', (doc) => handlers.onAlert(doc));
  connection.on('fund', (snapshot) => handlers.onFund(snapshot));
  connection.on('case', (notice) => handlers.onCase?.(notice));
  connection.on('assessment', (notice) => handlers.onAssessment?.(notice));
  connection.onreconnecting(() => handlers.onState('reconnecting'));
  connection.onreconnected(() => {
    handlers.onState('live');
    handlers.onResumed();
  });
  connection.onclose(() => {
    if (!stopped) {
      handlers.onState('offline');
      schedule(retryDelays[retryDelays.length - 1]);
    }
  });

  let stopped = false;
  let timer = null;
  let attempt = 0;

  async function start() {
    timer = null;
    if (stopped) return;
    try {
      await connection.start();
      attempt = 0;
      handlers.onState('live');
      handlers.onResumed();
    } catch {
      // Automatic reconnect covers a dropped connection, not a first start that failed: retry with backoff.
      handlers.onState('offline');
      attempt += 1;
      schedule(retryDelays[Math.min(attempt, retryDelays.length - 1)]);
    }
  }

  function schedule(delay) {
    if (!stopped && timer === null) timer = setTimeout(start, delay);
  }

  handlers.onState('connecting');
  start();
  return {
    stop: async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await connection.stop();
    },
  };
}
