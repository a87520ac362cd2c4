import t from 'tap'
import {createRedactor} from '../../lib/redact/index.js'
import {summaryRegion} from '../../lib/writeback/summary.js'
import {makeResult} from '../helpers/make-result.js'
import {none, parse} from '../helpers/writeback.js'

// The summary region written at the top of a run document, line by line.

const step = (id: string) => `\`\`\`bash {#${id}}\nx\n\`\`\`\n`
const seven = parse(`# D\n\n${['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(step).join('\n')}`)
const mixed = {
  ...makeResult(seven, {
    b: {status: 'failed', attempts: 3, durationMs: 61000},
    c: {status: 'timed-out'},
    d: {status: 'interrupted'},
    e: {status: 'skipped', attempts: 0},
    f: {status: 'manual', attempts: 0},
    g: {status: 'not-run', attempts: 0},
  }),
  ok: false,
}
const rows = [
  '| `a` | ✅ passed | 1',
  '| `b` | ❌ failed | 3',
  '| `c` | ⏱️ timed out | 1',
  '| `d` | ⚠️ interrupted | 1',
  '| `e` | ⏭️ skipped | 0',
  '| `f` | ✋ manual | 0',
  '| `g` | · not run | 0',
]
const counts = '7 steps (1 passed, 1 failed, 1 timed out, 1 interrupted, 1 not run, 1 manual, 1 skipped)'

t.test('with times: a mark and word per status, durations only for steps that ran, and the facts of the run', async (t) => {
  const lines = summaryRegion({...mixed, host: 'box s3cret'}, {stable: false, redactor: createRedactor(['s3cret'])})
  const durations = ['1.2s', '1m 01s', '1.2s', '1.2s', '–', '–', '–']
  t.same(lines, [
    '<!-- runbook:summary -->',
    '| Step | Status | Attempts | Duration |',
    '| :--- | :--- | ---: | ---: |',
    ...rows.map((row, i) => `${row} | ${durations[i]} |`),
    '',
    `**failed** · ${counts} · 5.0s · 2026-11-23 12:00:00 UTC · host box \\*\\*\\* · commit 0123456789ab · runbook 0.1.0`,
    '<!-- /runbook:summary -->',
  ])
})

t.test('stable: no durations, dates, host or commit', async (t) => {
  t.same(summaryRegion(mixed, {stable: true, redactor: none}), [
    '<!-- runbook:summary -->',
    '| Step | Status | Attempts |',
    '| :--- | :--- | ---: |',
    ...rows.map((row) => `${row} |`),
    '',
    `**failed** · ${counts} · runbook 0.1.0`,
    '<!-- /runbook:summary -->',
  ])
})

t.test('one step, a start time without milliseconds, no commit; an interrupted run says by what', async (t) => {
  const one = parse(`# D\n\n${step('a')}`)
  const {commit: _, ...noCommit} = makeResult(one)
  t.equal(summaryRegion({...noCommit, startedAt: '2026-11-23T12:00:00Z'}, {stable: false, redactor: none}).at(-2),
    '**passed** · 1 step (1 passed, 0 failed, 0 skipped) · 5.0s · 2026-11-23 12:00:00 UTC · host build-host · runbook 0.1.0')
  t.equal(summaryRegion({...makeResult(one), interrupted: 'SIGINT', ok: false}, {stable: true, redactor: none}).at(-2),
    '**interrupted (SIGINT)** · 1 step (1 passed, 0 failed, 0 skipped) · runbook 0.1.0')
})
