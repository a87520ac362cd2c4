// Prompts on a real terminal: confirmations, manual steps and missing inputs take typed answers.
import t from 'tap'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {runbookDir} from '../helpers/run.js'
import {hasScript, runOnPty} from '../helpers/pty.js'

const fence = '```'

t.test('util-linux script is installed (.ci/run installs it)', async (t) => {
  t.ok(hasScript(), 'the prompt tests need `script` from util-linux')
})

t.test('answering y to a confirm on a terminal runs the step', async (t) => {
  const book = runbookDir([`${fence}bash {#drop confirm="Drop the staging database?"}`, 'touch dropped', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runOnPty(['run', book.file, '--reporter', 'plain'], [{after: 'Drop the staging database? [y/N]', type: 'y\r'}], {cwd: book.dir})
  t.equal(run.code, 0, run.output)
  t.ok(existsSync(path.join(book.dir, 'dropped')), 'the confirmed step ran')
  t.notMatch(run.output, /not confirmed/)
})

t.test('answering n to a confirm on a terminal skips the work and fails the step', async (t) => {
  const book = runbookDir([`${fence}bash {#drop confirm="Drop the staging database?"}`, 'touch dropped', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runOnPty(['run', book.file, '--reporter', 'plain'], [{after: '[y/N]', type: 'n\r'}], {cwd: book.dir})
  t.equal(run.code, 1, run.output)
  t.notOk(existsSync(path.join(book.dir, 'dropped')))
  t.match(run.output, /not confirmed \(answered no\)/)
})

t.test('a manual step answered yes under --interactive is done', async (t) => {
  const book = runbookDir([`${fence}bash {#rotate manual}`, 'rotate the key by hand', `${fence}`, ''].join('\n'))
  t.teardown(book.cleanup)
  const run = await runOnPty(['run', book.file, '--interactive', '--reporter', 'json'], [{after: 'done? [y/N]', type: 'yes\r'}], {cwd: book.dir})
  t.equal(run.code, 0, run.output)
  t.match(run.output, /"status":"passed"/)
  t.match(run.output, /done by hand/)
})

t.test('missing inputs are typed in under --interactive, a secret without echo', async (t) => {
  const book = runbookDir(
    [
      '---',
      'runbook:',
      '  inputs:',
      '    REGION: {description: where to deploy, required: true}',
      '    TOKEN: {required: true, secret: true}',
      '---',
      '',
      `${fence}bash {#show}`,
      'echo "region=$REGION" > seen.txt',
      'echo "token-length=${#TOKEN}" >> seen.txt',
      `${fence}`,
      '',
    ].join('\n'),
  )
  t.teardown(book.cleanup)
  const run = await runOnPty(
    ['run', book.file, '--interactive', '--reporter', 'plain'],
    [
      {after: 'REGION (where to deploy): ', type: 'eu-west-1\r'},
      {after: 'TOKEN: ', type: 's3cr3tvalue\r'},
    ],
    {cwd: book.dir},
  )
  t.equal(run.code, 0, run.output)
  const {readFileSync} = await import('node:fs')
  t.equal(readFileSync(path.join(book.dir, 'seen.txt'), 'utf8'), 'region=eu-west-1\ntoken-length=11\n')
  t.match(run.output, /eu-west-1/, 'a plain input is echoed')
  t.notMatch(run.output, /s3cr3tvalue/, 'a secret is not echoed')
})
