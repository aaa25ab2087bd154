// The one place the web interface decides where to go after signing in (or "Continue" when already signed in):
// every ?returnTo= passes through safeReturn before it becomes a link or a navigation.
//
// Why not a simple "starts with one slash" test: the browser's URL parser drops tabs and newlines and reads a
// backslash as a slash, so "/\t/evil.example/" or "/\\evil.example" look like paths here but become
// "//evil.example/" (another site) once the browser resolves them. So the value is resolved against this page's
// origin exactly as the browser would, and only a same-origin path, free of control characters, is kept.

const FALLBACK = '/';
const MAX_LENGTH = 2048;
// pages that make no sense to return to after signing in (and would loop)
const NOT_AFTER_SIGN_IN = /^\/(signin|register)(\/|$)/;

/**
 * A path of this site (with query and fragment) to go to, or "/" for anything else: another origin, a scheme
 * ("javascript:", "data:"), a protocol-relative or backslash form, control or whitespace characters, a value that
 * normalises to "//host", or the sign-in and registration pages themselves.
 */
export function safeReturn(value, origin = location.origin) {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return FALLBACK;
  // C0 controls, DEL, backslash and whitespace never belong in a path we produced ourselves
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return FALLBACK;
  if (!value.startsWith('/') || value.startsWith('//')) return FALLBACK;
  let url;
  try {
    url = new URL(value, origin);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== origin) return FALLBACK;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which a later navigation would read as a host
  if (!path.startsWith('/') || path.startsWith('//')) return FALLBACK;
  if (NOT_AFTER_SIGN_IN.test(url.pathname)) return FALLBACK;
  return path;
}
