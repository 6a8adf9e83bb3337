// Module customization hooks (registered by redirect-react.mjs): ESM imports of React 19 files resolve to React 18.3.
import { toReact18Url } from './react18-paths.mjs'

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context)
  return { ...resolved, url: toReact18Url(resolved.url) }
}
