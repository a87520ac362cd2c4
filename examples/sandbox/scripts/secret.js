#!/usr/bin/env node
// Prints a fresh random secret (URL-safe, 24 characters) for this run's database password or token.
import {randomBytes} from 'node:crypto'

process.stdout.write(`${randomBytes(18).toString('base64url')}\n`)
