// Task-list checkboxes that follow their steps (SPEC §5): ticked when every reference passed.
import type {ChecklistItem} from '../model.js'
import type {StepStatus} from '../result.js'
import type {Edit} from './edits.js'

const failing = new Set<StepStatus>(['failed', 'timed-out', 'interrupted'])

// Edits that tick items whose references all passed and untick items with a failed reference;
// items that refer to nothing, or to steps that did not run this time, are left as they are.
export function checklistEdits(source: string, items: readonly ChecklistItem[], statuses: ReadonlyMap<string, {status: StepStatus; allowedFailure?: boolean}>): Edit[] {
  const edits: Edit[] = []
  for (const item of items) {
    if (item.refKind === 'none' || item.refs.length === 0) continue
    const seen = item.refs.map((ref) => statuses.get(ref))
    let want: boolean | undefined
    if (seen.some((s) => s !== undefined && (failing.has(s.status) || s.allowedFailure))) want = false
    else if (seen.every((s) => s?.status === 'passed')) want = true
    if (want === undefined) continue
    const at = item.checkboxOffset
    const current = source[at]
    if (source[at - 1] !== '[' || source[at + 1] !== ']') continue
    const checked = current === 'x' || current === 'X'
    if (checked !== want) edits.push({start: at, end: at + 1, text: want ? 'x' : ' '})
  }
  return edits
}
