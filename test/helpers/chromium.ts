// Headless Chromium (Debian package `chromium`) for tests of the HTML report: the DOM after load,
// a screenshot, and every request the page tried, caught by a proxy on a loopback port.
import {execFile} from 'node:child_process'
import {createServer} from 'node:net'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

// Open `file` in headless Chromium; resolves with the serialised DOM and the requests that reached the proxy.
export async function renderInChromium(file: string, options: {screenshot?: string} = {}): Promise<{dom: string; requests: string[]}> {
  const requests: string[] = []
  // Every request the page makes goes to this proxy, which answers none of them and records each.
  const proxy = createServer((socket) => {
    socket.once('data', (data) => {
      requests.push(data.toString('latin1').split('\r\n')[0] ?? '')
      socket.destroy()
    })
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const port = (proxy.address() as {port: number}).port
  const profile = await mkdtemp(path.join(tmpdir(), 'runbook-chromium-'))
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-features=OptimizationHints,MediaRouter,Translate',
    `--user-data-dir=${profile}`,
    `--proxy-server=http://127.0.0.1:${port}`,
    '--proxy-bypass-list=<-loopback>',
    '--window-size=1200,1400',
  ]
  const run = (extra: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile('chromium', [...flags, ...extra, pathToFileURL(file).href], {timeout: 120_000, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') reject(new Error('chromium is missing: apt-get install -y chromium'))
        else if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr}`))
        else resolve(stdout)
      })
    })
  try {
    const dom = await run(['--dump-dom'])
    if (options.screenshot) await run([`--screenshot=${options.screenshot}`, '--hide-scrollbars'])
    return {dom, requests}
  } finally {
    proxy.close()
    await rm(profile, {recursive: true, force: true})
  }
}
