// Each story talks to the mocked API with its own fake user token. The mocked handlers answer only
// their own story's token, so a docs page that renders many stories at once (one shared service worker)
// still shows every story with its own data.

function base64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Who the fake token speaks for (the httpSource reads `sub`/`acct` to attribute tracked events). */
export const STORY_TOKEN_CLAIMS = { sub: 'story-user', acct: 'story-account' } as const

/** A JWT-shaped, unsigned token for `storyId`; only the mocked API ever sees it. */
export function storyToken(storyId: string): string {
  const header = base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }))
  const payload = base64Url(JSON.stringify({ ...STORY_TOKEN_CLAIMS, story: storyId }))
  return `${header}.${payload}.storybook`
}
