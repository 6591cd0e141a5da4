// Display helpers. Plain JS on purpose (shared with the label-printer script).

/** @typedef {import('#data').CaseStatus} CaseStatus */
/** @typedef {import('#data').Case} LabCase */

/** @type {Record<CaseStatus, string>} */
export const STATUS_LABELS = {
  received: 'Received',
  design: 'CAD design',
  milling: 'Milling',
  finishing: 'Stain & glaze',
  qc: 'QC',
  shipped: 'Shipped',
  on_hold: 'On hold',
};

/** @type {CaseStatus[]} */
const FLOW = ['received', 'design', 'milling', 'finishing', 'qc', 'shipped'];

/**
 * @param {CaseStatus} status
 * @returns {string}
 */
export function statusLabel(status) {
  return STATUS_LABELS[status] ?? status;
}

/**
 * Next status in the lab flow; on_hold resumes at design.
 * @param {CaseStatus} status
 * @returns {CaseStatus}
 */
export function nextStatus(status) {
  if (status === 'on_hold') return 'design';
  const i = FLOW.indexOf(status);
  return FLOW[Math.min(i + 1, FLOW.length - 1)];
}

/**
 * "due in 2d", "due today", "3d late"
 * @param {number} dueAt epoch millis
 * @param {number} [now]
 */
export function dueLabel(dueAt, now = Date.now()) {
  const days = Math.round((dueAt - now) / 86_400_000);
  if (days === 0) return 'due today';
  return days > 0 ? `due in ${days}d` : `${-days}d late`;
}

/**
 * @param {number} at epoch millis
 * @param {number} [now]
 */
export function timeAgo(at, now = Date.now()) {
  const mins = Math.round((now - at) / 60_000);
  if (mins < 1) return 'just now';
  if (mins < 60) return `${mins}m ago`;
  const hours = Math.round(mins / 60);
  return hours < 24 ? `${hours}h ago` : `${Math.round(hours / 24)}d ago`;
}

/**
 * Lab case label for the printer, e.g. "CW-1042 · UR6 zirconia".
 * @param {LabCase} labCase
 * @param {string} [detail]
 */
export function caseLabel(labCase, detail) {
  return detail ? `${labCase.case_number} · ${detail}` : labCase.case_number;
}
