// Preload (`node --import`) that writes the peak RSS (KiB) of the process to $MAXRSS_FILE when it exits.
import {writeFileSync} from 'node:fs'
process.on('exit', () => { if (process.env.MAXRSS_FILE) writeFileSync(process.env.MAXRSS_FILE, String(process.resourceUsage().maxRSS)) })
