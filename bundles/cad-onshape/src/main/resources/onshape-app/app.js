// The in-Onshape publishing page. Onshape passes documentId, workspaceId or versionId, elementId and server
// in the query; only the document id is used, and Vitrine fetches it from its own configured Onshape host.
(function () {
  const params = new URLSearchParams(location.search);
  const id = /^[0-9a-f]{24}$/;
  const did = params.get('documentId');
  const status = document.getElementById('status');
  const button = document.getElementById('publish');
  const rights = document.getElementById('rights');
  const progress = document.getElementById('progress');
  const here = location.pathname + location.search;
  document.getElementById('window').href = here;
  const signin = document.getElementById('signin');
  signin.href = '/api/auth/onshape/start?returnTo=' + encodeURIComponent(here);

  if (!did || !id.test(did)) {
    status.textContent = 'Open this page from a document in Onshape.';
    return;
  }

  function say(text) { status.textContent = text; }

  fetch('/api/me', { credentials: 'same-origin' }).then(function (r) {
    if (r.status === 401) {
      say('Sign in with Onshape to publish this document.');
      signin.hidden = false;
      return null;
    }
    return r.json();
  }).then(function (me) {
    if (!me) { return; }
    say('Signed in as ' + me.displayName + '.');
    button.hidden = false;
    rights.addEventListener('change', function () { button.disabled = !rights.checked; });
    button.addEventListener('click', function () { publish(me.csrfToken); });
  }).catch(function () { say('Vitrine cannot be reached right now.'); });

  function publish(csrf) {
    button.disabled = true;
    say('Publishing…');
    fetch('/api/imports', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ provider: 'onshape', documentIds: [did], rightsConfirmed: rights.checked })
    })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) { say(res.body.detail || 'The import was refused.'); button.disabled = !rights.checked; return; }
        watch(res.body.id);
      });
  }

  function watch(job) {
    progress.hidden = false;
    fetch('/api/imports/' + job, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (j) {
      progress.max = Math.max(1, j.total);
      progress.value = j.done + j.failed;
      if (j.state === 'completed') {
        const item = j.items[0];
        say(item && item.documentId ? 'Published.' : 'The import failed: ' + (item && item.error));
        if (item && item.documentId) {
          const a = document.createElement('a');
          a.href = '/d/' + item.documentId;
          a.target = '_blank';
          a.textContent = 'See it on Vitrine';
          status.appendChild(document.createTextNode(' '));
          status.appendChild(a);
        }
      } else {
        say(j.state === 'paused' ? ('Paused: ' + j.reason) : 'Publishing…');
        setTimeout(function () { watch(job); }, 1000);
      }
    });
  }
}());
