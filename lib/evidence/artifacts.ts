// Copy a step's `artifacts=` files into steps/ID/artifacts/, keeping their relative paths. Text
// files are masked like every other sink; binary files are copied as they are (masking bytes could
// corrupt them). Nothing escapes the folder and no symlink is followed, at the source or here.
import {closeSync, constants, fstatSync, openSync, readFileSync, renameSync, writeSync} from 'node:fs'
import path from 'node:path'
import type {Redactor} from '../redact/index.js'
import type {ArtifactFile} from '../result.js'
import {ensureFolder, inside, openNoFollow} from './paths.js'
import {lazyRequire} from '../lazy-require.js'

// node:crypto only for a step that keeps artifacts.
const load = lazyRequire(import.meta.url)

// Copy each file under `stepDir/artifacts/`; sets `size` and `sha256` of the stored bytes. Returns problems.
export function copyArtifacts(stepDir: string, files: ArtifactFile[], redactor: Redactor): string[] {
  const problems: string[] = []
  const root = inside(stepDir, 'artifacts')
  ensureFolder(root)
  for (const file of files) {
    try {
      const target = inside(root, ...file.path.split('/'))
      for (let dir = path.dirname(target); dir !== root && dir.startsWith(root); dir = path.dirname(dir)) ensureFolder(dir)
      const stored = storedBytes(readNoFollow(file.source), redactor)
      const temp = `${target}.tmp-${process.pid}`
      const fd = openNoFollow(temp)
      try {
        for (let at = 0; at < stored.length; ) at += writeSync(fd, stored, at, stored.length - at)
      } finally {
        closeSync(fd)
      }
      renameSync(temp, target)
      file.size = stored.length
      const {createHash} = load('node:crypto') as typeof import('node:crypto')
      file.sha256 = createHash('sha256').update(stored).digest('hex')
    } catch (error) {
      problems.push(`${file.path}: ${(error as Error).message}`)
    }
  }
  return problems
}

// True for bytes that are UTF-8 text with no NUL: those are masked before they are stored.
export function isText(bytes: Buffer): boolean {
  if (bytes.subarray(0, 8192).includes(0)) return false
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return true
  } catch {
    return false
  }
}

function storedBytes(bytes: Buffer, redactor: Redactor): Buffer {
  return isText(bytes) ? Buffer.from(redactor.redact(bytes.toString('utf8')), 'utf8') : bytes
}

// Read a regular file, refusing a symlink put in its place since it was found.
function readNoFollow(file: string): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW)
  try {
    if (!fstatSync(fd).isFile()) throw new Error('not a regular file')
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}
