// Fences around captured text (lib/writeback/fence.ts): longer than any backtick or tilde run inside.
import t from 'tap'
import {fenceFor, fencedLines, longestRun} from '../../lib/writeback/fence.js'

t.test('the longest run of a character', async (t) => {
  t.equal(longestRun('', '`'), 0)
  t.equal(longestRun('a`b``c```d`', '`'), 3)
  t.equal(longestRun('````', '`'), 4, 'a run at the end counts')
  t.equal(longestRun('~~ ~~~~~ ~', '~'), 5)
  t.equal(longestRun('`~`~`~', '`'), 1, 'another character ends a run')
})

t.test('a fence is three backticks, or one more than the longest run of either fence character', async (t) => {
  t.equal(fenceFor('plain'), '```')
  t.equal(fenceFor('``` inside'), '````')
  t.equal(fenceFor('~~~~~ inside'), '``````')
  t.equal(fenceFor('``````` and ~~~'), '````````')
})

t.test('fenced lines: the fence with its info string, one line per line, the closing fence', async (t) => {
  t.same(fencedLines('text', 'a\nb'), ['```text', 'a', 'b', '```'])
  t.same(fencedLines('', ''), ['```', '```'], 'an empty text gives no empty line')
  t.same(fencedLines('console', '```\n'), ['````console', '```', '', '````'])
})
