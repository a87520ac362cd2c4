// HTTP checks (SPEC §4) over undici: `http` steps with status, latency, hurl-style asserts and
// captures, and check tables with thresholds.
export type {HttpContext, HttpStepOutcome, CheckTableOutcome} from './context.js'
export {runHttpStep} from './step.js'
export {runCheckTable, resolveUrl} from './table.js'
export {statusAccepted, describeStatus, defaultStatus} from './status.js'
