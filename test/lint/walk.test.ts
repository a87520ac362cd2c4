// Globs and .gitignore patterns as users write them.
import t from 'tap'
import {matchIgnore, parseGitignore} from '../../lib/lint/gitignore.js'
import {globBase, globMatcher} from '../../lib/lint/glob.js'

t.test('globs', async (t) => {
  const yes = (glob: string, file: string) => globMatcher(glob)(file)
  t.ok(yes('**/*.md', 'a.md'))
  t.ok(yes('**/*.md', 'docs/deep/a.md'))
  t.notOk(yes('*.md', 'docs/a.md'))
  t.ok(yes('docs/*.{md,markdown}', 'docs/a.markdown'))
  t.ok(yes('doc?.md', 'doc1.md'))
  t.notOk(yes('a.md', 'aXmd'), 'dots are literal')
  t.equal(globBase('docs/**/*.md'), 'docs')
  t.equal(globBase('*.md'), '.')
  t.ok(yes('docs/{a,b/{c,d}}.md', 'docs/b/d.md'), 'braces nest')
  t.notOk(yes('**/*.md', '.github/a.md'), 'wildcards do not enter dot-folders')
  t.ok(yes('.github/*.md', '.github/a.md'), 'unless the glob names one')
})

t.test('gitignore: last match wins, negation, folders, anchoring', async (t) => {
  const rules = parseGitignore('# comment\n*.draft.md\n!keep.draft.md\nbuild/\n/root-only.md\ndocs/generated\n')
  t.equal(matchIgnore(rules, 'a/b.draft.md', false), true)
  t.equal(matchIgnore(rules, 'keep.draft.md', false), false)
  t.equal(matchIgnore(rules, 'x/build', true), true)
  t.equal(matchIgnore(rules, 'build', false), undefined, 'build/ matches folders only')
  t.equal(matchIgnore(rules, 'root-only.md', false), true)
  t.equal(matchIgnore(rules, 'sub/root-only.md', false), undefined, 'a leading / anchors the pattern')
  t.equal(matchIgnore(rules, 'docs/generated', true), true)
  t.equal(matchIgnore(rules, 'other/docs/generated', true), undefined, 'a / inside anchors it too')
  const braces = parseGitignore('{a,b}.md\n')
  t.equal(matchIgnore(braces, 'a.md', false), undefined, 'braces are literal in git')
  t.equal(matchIgnore(braces, '{a,b}.md', false), true)
})
