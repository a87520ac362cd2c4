// The tree cache (lib/parse/tree-cache.ts): a document that did not change is read back, an edited
// one is parsed again, an entry whose text or build differs is never used, and folders others may
// write are never used.
import t from 'tap'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {cachedTree} from '../../lib/parse/tree-cache.js'
import {enableTreeCache} from '../../lib/cache-folder.js'
import {parseMarkdownTree} from '../../lib/parse/markdown.js'

const parser = import.meta.url
const big = (n: number) => Array.from({length: n}, (_, i) => `## Step ${i}\n\n\`\`\`bash {#s${i}}\necho ${i}\n\`\`\`\n`).join('\n')

function counting() {
  const calls: string[] = []
  return {calls, parse: (text: string) => (calls.push(text), {type: 'root', length: text.length, children: [{value: null}]})}
}

t.test('an unchanged document is read back; an edited one is parsed again', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-trees-'))
  t.teardown(() => (enableTreeCache(undefined), rmSync(dir, {recursive: true, force: true})))
  enableTreeCache(path.join(dir, 'trees'))
  const {calls, parse} = counting()
  const text = big(100)
  const first = cachedTree(text, parser, parse)
  const second = cachedTree(text, parser, parse)
  t.equal(calls.length, 1, 'parsed once')
  t.same(second, first, 'the same tree came back')
  t.equal(readdirSync(path.join(dir, 'trees')).length, 1)
  cachedTree(text.replace('echo 7', 'echo seven'), parser, parse)
  t.equal(calls.length, 2, 'an edit is a new entry')
  cachedTree(text, 'file:///another/build.js', parse)
  t.equal(calls.length, 3, 'another parser build is a new entry')
  cachedTree('# small\n', parser, parse)
  cachedTree('# small\n', parser, parse)
  t.equal(calls.length, 4, 'a small document is read back too')
  const huge = `# Huge\n\n${'x'.repeat(1 << 20)}\n`
  cachedTree(huge, parser, parse)
  cachedTree(huge, parser, parse)
  t.equal(calls.length, 6, 'a document over 1 MiB is parsed every time')
})

t.test('an entry is used only for the same text and the same parser build', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-trees-'))
  t.teardown(() => (enableTreeCache(undefined), rmSync(dir, {recursive: true, force: true})))
  enableTreeCache(dir)
  const {calls, parse} = counting()
  // Same length, same first and last kilobyte: the same file name, told apart by the text inside.
  const middle = (word: string) => `${'a'.repeat(2000)}${word}${'z'.repeat(2000)}`
  cachedTree(middle('cat'), parser, parse)
  cachedTree(middle('dog'), parser, parse)
  t.equal(readdirSync(dir).length, 1, 'the two share one file')
  t.equal(cachedTree(middle('cat'), parser, parse).length, 4003)
  t.equal(calls.length, 3, 'neither is answered with the other one\'s tree')
  const file = path.join(dir, readdirSync(dir)[0]!)
  const entry = JSON.parse(readFileSync(file, 'utf8')) as {build: string; text: string; tree: unknown}
  t.equal(entry.text, middle('cat'), 'the entry holds the text it was parsed from')
  writeFileSync(file, JSON.stringify({...entry, build: `${entry.build}-other`}))
  cachedTree(middle('cat'), parser, parse)
  t.equal(calls.length, 4, 'an entry of another build is parsed again')
  writeFileSync(file, '{"build": ')
  cachedTree(middle('cat'), parser, parse)
  t.equal(calls.length, 5, 'a damaged entry is parsed again')
  t.equal(cachedTree(middle('cat'), parser, parse).length, 4003)
  t.equal(calls.length, 5, 'and stored whole again')
})

t.test('a folder others may write is not used', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-trees-'))
  t.teardown(() => (enableTreeCache(undefined), rmSync(dir, {recursive: true, force: true})))
  const open = path.join(dir, 'open')
  mkdirSync(open)
  chmodSync(open, 0o777)
  enableTreeCache(open)
  const {calls, parse} = counting()
  cachedTree(big(100), parser, parse)
  cachedTree(big(100), parser, parse)
  t.equal(calls.length, 2)
  t.same(readdirSync(open), [], 'nothing written there')
})

t.test('off unless turned on; past 256 entries the oldest go', async (t) => {
  const {calls, parse} = counting()
  cachedTree(big(100), parser, parse)
  cachedTree(big(100), parser, parse)
  t.equal(calls.length, 2, 'off by default')
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-trees-'))
  t.teardown(() => (enableTreeCache(undefined), rmSync(dir, {recursive: true, force: true})))
  enableTreeCache(dir)
  for (let i = 0; i < 256; i++) cachedTree(`${big(100)}\n<!-- ${i} -->\n`, parser, parse)
  t.equal(readdirSync(dir).filter((name) => name.endsWith('.json')).length, 256, 'up to 256 kept')
  cachedTree(`${big(100)}\n<!-- one more -->\n`, parser, parse)
  t.equal(readdirSync(dir).filter((name) => name.endsWith('.json')).length, 128, 'one more: the oldest go until half remain')
  const before = calls.length
  cachedTree(`${big(100)}\n<!-- one more -->\n`, parser, parse)
  t.equal(calls.length, before, 'the newest tree stays')
  cachedTree(`${big(100)}\n<!-- 0 -->\n`, parser, parse)
  t.equal(calls.length, before + 1, 'the oldest went')
})

t.test('a tree read back from JSON is the parsed tree', async (t) => {
  const text = ['# Title', '', '- [ ] task', '- [x] done', '', '| a | b |', '| :- | -: |', '| 1 | 2 |', '', '```bash {#one}', 'echo ~~x~~ https://example.org', '```', '', big(100)].join('\n')
  const dir = mkdtempSync(path.join(tmpdir(), 'rb-trees-'))
  t.teardown(() => (enableTreeCache(undefined), rmSync(dir, {recursive: true, force: true})))
  const parsed = parseMarkdownTree(text)
  enableTreeCache(dir)
  parseMarkdownTree(text)
  t.ok(existsSync(dir) && readdirSync(dir).length === 1, 'stored')
  t.strictSame(parseMarkdownTree(text), parsed, 'read back: the same tree, node for node')
})
