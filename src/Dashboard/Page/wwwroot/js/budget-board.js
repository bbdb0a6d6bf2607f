// What the alert feed needs of the board for budget alerts: who is signed in (the acknowledge button is offered to
// the roles that may), each fund's latest snapshot (current figures beside raised ones), and the acknowledge call,
// whose answer replaces the alert in the feed and in the open dialog at once (the hub pushes it to everyone else).
import { keyOf } from './hierarchy.js';
import { postAcknowledge } from './budget-alerts.js';

export function budgetAlertsOf(board) {
  return {
    who: board.who,
    fundNow: (level, id) => board.model.entities.get(keyOf(level, id))?.snapshot ?? null,
    acknowledge: async (alertId, note) => {
      const updated = await postAcknowledge(board.token, alertId, note);
      board.feed.merge([updated]);
      if (board.feed.dialog.open && board.feed.dialog.dataset.alertId === alertId) board.feed.open(board.feed.byId.get(alertId) ?? updated);
    },
  };
}
