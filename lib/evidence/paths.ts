// Paths inside the evidence folder: step ids cannot escape it and symlinks are never followed.
import {constants, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync, closeSync} from 'node:fs'
import path from 'node:path'

// A folder name for a step id: only `[A-Za-z0-9._-]`, never `.` or `..`, never empty.
export function safeName(id: string): string {
  const name = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, (dots) => '_'.repeat(dots.length))
  return name === '' ? '_' : name.slice(0, 200)
}

// `name` resolved under `dir`, or an error if it would land outside.
export function inside(dir: string, ...names: string[]): string {
  const resolved = path.resolve(dir, ...names)
  if (!resolved.startsWith(dir + path.sep)) throw new Error(`evidence path escapes ${dir}: ${names.join('/')}`)
  return resolved
}

// Make sure `dir` is a real folder (a symlink in its place is removed, never followed).
export function ensureFolder(dir: string): void {
  const stats = lstatOrUndefined(dir)
  if (stats?.isDirectory()) return
  if (stats) unlinkSync(dir)
  mkdirSync(dir, {recursive: true})
}

// Open a file for writing without following a symlink at its place (a symlink is replaced).
export function openNoFollow(file: string, flags: 'w' | 'a' = 'w'): number {
  const stats = lstatOrUndefined(file)
  if (stats && !stats.isFile()) unlinkSync(file)
  const mode = constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | (flags === 'a' ? constants.O_APPEND : constants.O_TRUNC)
  return openSync(file, mode, 0o644)
}

// Write a whole file by temp + rename (never a half file, never through a symlink).
export function writeWhole(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}`
  const fd = openNoFollow(temp)
  try {
    writeAll(fd, text)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
}

// Write every byte of `text` to `fd` (the string directly; a buffer only after a short write).
export function writeAll(fd: number, text: string): void {
  const written = writeSync(fd, text, null, 'utf8')
  if (written >= Buffer.byteLength(text, 'utf8')) return
  const buffer = Buffer.from(text, 'utf8')
  let at = written
  while (at < buffer.length) at += writeSync(fd, buffer, at, buffer.length - at)
}

function lstatOrUndefined(file: string) {
  try {
    return lstatSync(file)
  } catch {
    return undefined
  }
}
