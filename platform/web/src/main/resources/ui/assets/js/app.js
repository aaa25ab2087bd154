// Entry point: finds out who is signed in, draws the header's session links, starts the router and asks for
// the visitor's privacy choices when the policy needs them.
import { h, replace } from './dom.js';
import { isAdmin, isModerator, me, onSessionChange, refreshSession, secondFactorAwaited, signOut } from './session.js';
import { navigate, start } from './router.js';
import { startConsentBanner } from './consent-banner.js';

function drawSessionNav(account) {
  const list = document.getElementById('nav-session');
  if (!list) return;
  const item = (node) => h('li', null, node);
  if (!account) {
    const here = location.pathname + location.search;
    const returnTo = ['/signin', '/register'].includes(location.pathname) ? '' : `?returnTo=${encodeURIComponent(here)}`;
    replace(list,
      item(h('a', { id: 'nav-signin', href: `/signin${returnTo}`, text: 'Sign in' })),
      item(h('a', { id: 'nav-register', class: 'button primary small', href: '/register', text: 'Register' })));
    return;
  }
  replace(list,
    item(h('a', { id: 'nav-import', href: '/import', text: 'Import' })),
    isModerator() ? item(h('a', { id: 'nav-moderation', href: '/moderation', text: 'Moderation' })) : null,
    isAdmin() ? item(h('a', { id: 'nav-admin', href: '/admin/modules', text: 'Admin' })) : null,
    item(h('a', { id: 'nav-account', href: '/account', title: account.email, text: account.displayName || 'Account' })),
    item(h('button', {
      id: 'nav-signout', type: 'button', class: 'link-button',
      onclick: async () => {
        await signOut();
        navigate('/');
      },
    }, 'Sign out')));
}

onSessionChange(drawSessionNav);
await refreshSession({ firstLoad: true });
// back from a sign-in method (e.g. Onshape) with a sign-in that waits for the second factor: the sign-in page asks
// for the code, then continues to the page the browser came back to
if (secondFactorAwaited() && location.pathname !== '/signin') {
  history.replaceState(null, '', `/signin?returnTo=${encodeURIComponent(location.pathname + location.search)}`);
}
window.addEventListener('vitrine:route', () => drawSessionNav(me()));
await start();
startConsentBanner();
