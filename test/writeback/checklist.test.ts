import t from 'tap'
import {fixture, parse, writeBack} from '../helpers/writeback.js'
import {makeResult} from '../helpers/make-result.js'

const boxes = (text: string) => parse(text).checklist.map((item) => `${item.checked ? 'x' : ' '} ${item.text}`)

t.test('checkboxes follow the steps they contain, link to or name with check=', async (t) => {
  const source = fixture('checklist.md')
  t.same(boxes(writeBack(source)), [
    'x Build passes',
    'x Tests pass: see the test step',
    'x Deployed',
    '  Talk to the team (nothing to run)',
    'x Already done by hand',
  ])
})

t.test('a failed reference unticks an item, and items referring to nothing are left alone', async (t) => {
  const source = fixture('checklist.md')
  const out = writeBack(source, {}, (runbook) => makeResult(runbook, {smoke: {status: 'failed', exitCode: 7}, test: {status: 'timed-out'}}))
  t.same(boxes(out), ['x Build passes', '  Tests pass: see the test step', '  Deployed', '  Talk to the team (nothing to run)', 'x Already done by hand'])
  t.match(out, '- [ ] Deployed <!-- runbook: check=deploy,smoke -->', 'only the box character changed on that line')
})

t.test('items whose steps did not run this time keep their box', async (t) => {
  const ticked = writeBack(fixture('checklist.md'))
  const out = writeBack(ticked, {}, (runbook) => makeResult(runbook, {build: {status: 'not-run', attempts: 0}, deploy: {status: 'skipped', attempts: 0}}))
  t.same(boxes(out), boxes(ticked))
})

t.test('a step that failed with allow-failure does not tick its item', async (t) => {
  const out = writeBack(fixture('checklist.md'), {}, (runbook) => makeResult(runbook, {build: {status: 'failed', allowedFailure: true}}))
  t.equal(boxes(out)[0], '  Build passes')
})
