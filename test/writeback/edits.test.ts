import t from 'tap'
import {applyEdits} from '../../lib/writeback/index.js'

t.test('edits apply at their offsets in the original text, whatever order they come in', async (t) => {
  const source = 'alpha beta gamma'
  const edits = [
    {start: 11, end: 16, text: 'GAMMA'},
    {start: 0, end: 5, text: 'ALPHA'},
    {start: 6, end: 6, text: '(new) '},
  ]
  t.equal(applyEdits(source, edits), 'ALPHA (new) beta GAMMA')
  t.equal(applyEdits(source, [...edits].reverse()), 'ALPHA (new) beta GAMMA')
})

t.test('an edit overlapping one already applied (from the bottom) is dropped', async (t) => {
  const source = '0123456789'
  t.equal(
    applyEdits(source, [
      {start: 5, end: 8, text: 'x'},
      {start: 6, end: 9, text: 'y'},
    ]),
    '012345y9',
  )
})

t.test('an insert at the very end and a replacement of the whole text both work', async (t) => {
  t.equal(applyEdits('abc', [{start: 3, end: 3, text: '\n'}]), 'abc\n')
  t.equal(applyEdits('abc', [{start: 0, end: 3, text: 'xyz'}]), 'xyz')
})

t.test('thousands of edits on a large text give the same result as applying them one by one', async (t) => {
  const source = 'line\n'.repeat(20_000)
  const edits = Array.from({length: 2000}, (_, i) => ({start: i * 50, end: i * 50 + 4, text: `L${i}`}))
  let expected = source
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    expected = expected.slice(0, edit.start) + edit.text + expected.slice(edit.end)
  }
  t.equal(applyEdits(source, edits), expected)
})

t.test('edits that touch end to start are both applied; an empty list returns the text as it was', async (t) => {
  t.equal(applyEdits('abcdef', [{start: 0, end: 3, text: 'X'}, {start: 3, end: 6, text: 'Y'}]), 'XY')
  t.equal(applyEdits('abcdef', [{start: 3, end: 6, text: 'Y'}, {start: 3, end: 3, text: '+'}]), 'abc+Y', 'an insert where a replacement starts goes before it')
  t.equal(applyEdits('abcdef', []), 'abcdef')
})

t.test('two inserts at one offset: the later in the list ends up first', async (t) => {
  t.equal(applyEdits('ab', [{start: 1, end: 1, text: '1'}, {start: 1, end: 1, text: '2'}]), 'a21b')
})

t.test('of two edits at one offset, the longer is chosen first and a shorter one inside it is dropped', async (t) => {
  t.equal(applyEdits('abcdef', [{start: 1, end: 2, text: 'S'}, {start: 1, end: 4, text: 'L'}]), 'aLef')
  t.equal(applyEdits('abcdef', [{start: 1, end: 4, text: 'L'}, {start: 1, end: 2, text: 'S'}]), 'aLef')
})
