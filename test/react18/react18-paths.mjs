import { fileURLToPath, pathToFileURL } from 'node:url'

const modules = fileURLToPath(new URL('../../node_modules/', import.meta.url))
const PAIRS = [
  ['react', 'react-18'],
  ['react-dom', 'react-dom-18'],
]

/** The React 18.3 file standing in for a file of this repository's React 19 install; any other path as is. */
export function toReact18Path(path) {
  for (const [from, to] of PAIRS) {
    const prefix = `${modules}${from}/`
    if (path.startsWith(prefix)) return `${modules}${to}/${path.slice(prefix.length)}`
  }
  return path
}

/** `toReact18Path` for `file:` URLs (what ESM resolution returns). */
export function toReact18Url(url) {
  if (!url.startsWith('file:')) return url
  const path = fileURLToPath(url)
  const moved = toReact18Path(path)
  return moved === path ? url : pathToFileURL(moved).href
}
