import type { TokenSubject } from '../service-types'

/** Which credential authenticated the request (set by the auth middleware, read by the rate limiter). */
export type Credential = { kind: 'api_key' } | { kind: 'user'; userId: string }

/** Hono context variables shared by the middleware and the routes. */
export interface AppEnv {
  Variables: {
    credential: Credential
    /** Claims of the verified user token (user-token routes only). */
    user: TokenSubject
  }
}
