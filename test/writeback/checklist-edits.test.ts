// The box edits of a checklist (lib/writeback/checklist.ts), on hand-made items: which statuses
// tick, untick or leave a box, and that only the character between the brackets changes.
import t from 'tap'
import type {ChecklistItem} from '../../lib/model.js'
import type {StepStatus} from '../../lib/result.js'
import {checklistEdits} from '../../lib/writeback/checklist.js'
import {applyEdits} from '../../lib/writeback/edits.js'

const source = '- [ ] one\n- [x] two\n- [X] three\n- ( ) four\n- [ ) five\n- ( ] six\n'
const item = (offset: number, refs: string[], refKind: ChecklistItem['refKind'] = 'contains'): ChecklistItem => ({
  checked: source[offset] !== ' ',
  checkboxOffset: offset,
  text: 'item',
  refs,
  refKind,
  span: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}},
  line: 1,
})
const statuses = (entries: Record<string, StepStatus | {status: StepStatus; allowedFailure?: boolean}>) =>
  new Map(Object.entries(entries).map(([id, value]) => [id, typeof value === 'string' ? {status: value} : value]))
const run = (items: ChecklistItem[], entries: Parameters<typeof statuses>[0]) => applyEdits(source, checklistEdits(source, items, statuses(entries)))

t.test('every reference passed: ticked; a ticked box (x or X) stays as it is', async (t) => {
  t.equal(run([item(3, ['a', 'b'])], {a: 'passed', b: 'passed'}), source.replace('[ ] one', '[x] one'))
  t.same(checklistEdits(source, [item(13, ['a']), item(23, ['a'])], statuses({a: 'passed'})), [], 'x and X both count as ticked')
})

t.test('a failed, timed-out or interrupted reference, or an allowed failure, unticks', async (t) => {
  for (const status of ['failed', 'timed-out', 'interrupted'] as const) {
    t.equal(run([item(13, ['a', 'b'])], {a: 'passed', b: status}), source.replace('[x] two', '[ ] two'), status)
  }
  t.equal(run([item(23, ['a'])], {a: {status: 'passed', allowedFailure: true}}), source.replace('[X] three', '[ ] three'), 'allow-failure')
  t.equal(run([item(13, ['a', 'b'])], {a: 'failed'}), source.replace('[x] two', '[ ] two'), 'one failure is enough even when another did not run')
})

t.test('boxes are left alone: references that did not run, skipped steps, no references, no brackets', async (t) => {
  t.same(checklistEdits(source, [item(3, ['a', 'b'])], statuses({a: 'passed'})), [], 'one reference did not run')
  t.same(checklistEdits(source, [item(3, ['a'])], statuses({a: 'skipped'})), [], 'skipped')
  t.same(checklistEdits(source, [item(3, ['a'])], statuses({a: 'not-run'})), [], 'not run')
  t.same(checklistEdits(source, [item(3, [])], statuses({})), [], 'no references')
  t.same(checklistEdits(source, [item(3, ['a'], 'none')], statuses({a: 'passed'})), [], 'refKind none')
  t.same(checklistEdits(source, [item(35, ['a'])], statuses({a: 'passed'})), [], 'not between [ and ]')
  t.same(checklistEdits(source, [item(2, ['a'])], statuses({a: 'passed'})), [], 'the offset of the bracket itself')
  t.same(checklistEdits(source, [item(46, ['a'])], statuses({a: 'passed'})), [], '[ without ]')
  t.same(checklistEdits(source, [item(57, ['a'])], statuses({a: 'passed'})), [], '] without [')
})

t.test('one edit per changed box, one character long', async (t) => {
  t.same(checklistEdits(source, [item(3, ['a']), item(13, ['b'])], statuses({a: 'passed', b: 'failed'})), [
    {start: 3, end: 4, text: 'x'},
    {start: 13, end: 14, text: ' '},
  ])
})
