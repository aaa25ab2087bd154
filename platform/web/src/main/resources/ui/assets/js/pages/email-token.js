// The token of a link Vitrine mailed (/verify-email#token=..., /reset-password#token=...). It travels in the
// fragment, which browsers never send to a server: it reaches neither access logs nor Referer headers. Once read,
// it is removed from the address bar.

/** The token from the page address's fragment, or '' when there is none. */
export function tokenFromFragment() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token') || '';
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : '';
}
