// Atomic file replacement (SPEC §11): temp file in the same folder, fsync, rename, fsync the folder,
// mode kept; a file changed since the run began is kept and the result goes beside it.
import {randomHex} from '../random-hex.js'
import {constants, writeSync} from 'node:fs'
import path from 'node:path'
import {fsPromises} from '../fs-promises.js'

// node:fs/promises is loaded inside each function (fs-promises.ts): a run that writes nothing back
// never needs it.

const tempMarker = '.runbook-tmp-'

// Write `text` to `file` atomically. With `original` (the text read when the run began), a file that
// changed meanwhile is left alone and the text goes to `FILE.runbook.md` beside it (`conflict: true`).
export async function writeFileAtomic(file: string, text: string, options: {original?: string} = {}): Promise<{path: string; conflict: boolean}> {
  const {access, readFile, realpath, rename, stat, unlink} = fsPromises()
  // A device, a FIFO or a symlink to one (`--out /dev/stdout`) is written through, never replaced.
  const existing = await stat(file).catch(() => undefined)
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    await writeThrough(file, text)
    return {path: file, conflict: false}
  }
  const target = await realpath(file).catch(() => path.resolve(file))
  // Replacing a file by rename needs only the folder: refuse a file the user could not write itself.
  if (existing) await access(target, constants.W_OK).catch(() => {
    throw Object.assign(new Error(`permission denied: cannot write ${target}`), {code: 'EACCES'})
  })
  const changed = async () => options.original !== undefined && (await readFile(target, 'utf8').catch(() => undefined)) !== options.original
  if (await changed()) return {path: await writeAside(target, text), conflict: true}
  const temp = await writeTemp(target, text)
  // Compare and rename under a lock, so two runs writing the same file both keep their results.
  const release = await lock(target)
  try {
    if (await changed()) {
      await unlink(temp)
      return {path: await writeAside(target, text), conflict: true}
    }
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  } finally {
    await release()
  }
  await syncFolder(path.dirname(target))
  return {path: target, conflict: false}
}

// Write into a device or FIFO. A socket (Node's own stdout pipe) cannot be opened by path
// (ENXIO): when the path leads to /proc/self/fd/N or /dev/stdout, write to that descriptor.
async function writeThrough(file: string, text: string): Promise<void> {
  const {writeFile} = fsPromises()
  try {
    await writeFile(file, text, 'utf8')
  } catch (error) {
    const fd = (error as NodeJS.ErrnoException).code === 'ENXIO' ? await ownDescriptor(file) : undefined
    if (fd === undefined) throw error
    const bytes = Buffer.from(text, 'utf8')
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at)
  }
}

async function ownDescriptor(file: string): Promise<number | undefined> {
  const {readlink} = fsPromises()
  let at = path.resolve(file)
  for (let hop = 0; hop < 16; hop++) {
    const named = /^\/(?:proc\/self|dev)\/fd\/(\d+)$/.exec(at)?.[1] ?? {'/dev/stdout': '1', '/dev/stderr': '2'}[at]
    if (named !== undefined) return Number(named)
    const target = await readlink(at).catch(() => undefined)
    if (target === undefined) return undefined
    at = path.resolve(path.dirname(at), target)
  }
  return undefined
}

// Take `.FILE.runbook-lock`: a file holding our pid, put in place with link() so it appears whole
// or not at all; a lock whose process is gone is stale and taken over.
async function lock(target: string): Promise<() => Promise<void>> {
  const {link, readFile, unlink, writeFile} = fsPromises()
  const dir = path.dirname(target)
  const file = path.join(dir, `.${path.basename(target)}.runbook-lock`)
  // Named like a temp file, so a crash between the two steps leaves nothing the next write keeps.
  const mine = path.join(dir, `.${path.basename(target)}${tempMarker}${process.pid}-lock`)
  try {
    await writeFile(mine, String(process.pid), {mode: 0o600})
  } catch {
    return async () => {} // a folder we cannot lock in: the compare alone
  }
  try {
    for (let attempt = 0; attempt < 400; attempt++) {
      try {
        await link(mine, file)
        return () => unlink(file).catch(() => {})
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return async () => {}
        const owner = Number(await readFile(file, 'utf8').catch(() => ''))
        if (Number.isInteger(owner) && owner > 0 && !alive(owner)) await unlink(file).catch(() => {})
        else await new Promise((resolve) => setTimeout(resolve, 25))
      }
    }
    return async () => {}
  } finally {
    await unlink(mine).catch(() => {})
  }
}

// `notes.md` → `notes.runbook.md`, written atomically (no conflict check: it is ours).
async function writeAside(target: string, text: string): Promise<string> {
  const {rename, unlink} = fsPromises()
  const aside = target.replace(/(\.(md|markdown))?$/i, '.runbook.md')
  const temp = await writeTemp(aside, text, target)
  try {
    await rename(temp, aside)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  await syncFolder(path.dirname(aside))
  return aside
}

// Write and fsync a temp file next to `target`, with `target`'s mode (or `modeFrom`'s); returns its path.
async function writeTemp(target: string, text: string, modeFrom = target): Promise<string> {
  const {open, stat, unlink} = fsPromises()
  const dir = path.dirname(target)
  await sweepStaleTemps(dir, path.basename(target))
  const mode = await stat(target)
    .catch(() => stat(modeFrom))
    .then((s) => s.mode & 0o7777, () => undefined)
  const temp = path.join(dir, `.${path.basename(target)}${tempMarker}${process.pid}-${randomHex(4)}`)
  const handle = await open(temp, 'wx', mode ?? 0o666)
  try {
    await handle.writeFile(text, 'utf8')
    if (mode !== undefined) await handle.chmod(mode)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => {})
    await unlink(temp).catch(() => {})
    throw error
  }
  await handle.close()
  return temp
}

// fsync a folder so the rename survives a power cut (ignored where folders cannot be opened).
async function syncFolder(dir: string): Promise<void> {
  const {open} = fsPromises()
  const handle = await open(dir, 'r').catch(() => undefined)
  if (!handle) return
  try {
    await handle.sync()
  } catch {
    // some platforms refuse fsync on a folder; the rename itself is still atomic
  } finally {
    await handle.close()
  }
}

// Remove temp files a killed run left behind (their process is gone), so they never pile up.
async function sweepStaleTemps(dir: string, base: string): Promise<void> {
  const {readdir, unlink} = fsPromises()
  const prefix = `.${base}${tempMarker}`
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length).split('-')[0])
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue
    await unlink(path.join(dir, name)).catch(() => {})
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
