// "/contact": a message to the people who run this Vitrine — a question, or a privacy request (to see, correct or
// erase one's data, or to object). Stored for the admins; the server limits how many one address may send.
import { h, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { me } from '../session.js';
import { alertBox, showAlert } from '../views.js';

const TYPES = [
  { id: 'question', text: 'A question' },
  { id: 'privacy-request', text: 'A privacy request (see, correct or erase my data, object)' },
  { id: 'other', text: 'Something else' },
];

export async function render(ctx) {
  ctx.setTitle('Contact');
  const account = me();
  const wanted = ctx.query.get('type');
  const error = alertBox('', 'contact-error');
  const name = h('input', { id: 'contact-name', name: 'name', type: 'text', autocomplete: 'name', required: true, maxlength: 200, value: account ? account.displayName || '' : '' });
  const email = h('input', { id: 'contact-email', name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: 254, value: account ? account.email || '' : '' });
  const type = h('select', { id: 'contact-type', name: 'type' },
    TYPES.map((t) => h('option', { value: t.id, selected: t.id === wanted, text: t.text })));
  const message = h('textarea', { id: 'contact-message', name: 'message', required: true, rows: 7, maxlength: 5000, 'aria-describedby': 'contact-message-help' });
  const submit = h('button', { id: 'contact-submit', type: 'submit', class: 'button primary', text: 'Send' });
  const form = h('form', { id: 'contact-form', class: 'stack', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'contact-name', text: 'Your name' }), name),
    h('div', { class: 'field' }, h('label', { for: 'contact-email', text: 'Your e-mail address' }), email,
      h('p', { class: 'hint', text: 'We use it only to answer you.' })),
    h('div', { class: 'field' }, h('label', { for: 'contact-type', text: 'What is it about?' }), type),
    h('div', { class: 'field' }, h('label', { for: 'contact-message', text: 'Message' }), message,
      h('p', { id: 'contact-message-help', class: 'hint', text: 'For a privacy request, say what you would like us to do and which account or designs it concerns.' })),
    h('div', null, submit));
  const panel = h('section', { class: 'narrow card-panel contact' },
    h('h1', { text: 'Contact' }),
    h('p', { class: 'muted' }, 'Write to the people who run this Vitrine. ', h('a', { href: '/privacy', text: 'How we handle your data' }), '.'),
    error, form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showAlert(error, '');
    if (!name.value.trim() || !email.value.trim() || !message.value.trim()) {
      showAlert(error, 'Fill in your name, your e-mail address and a message.');
      return;
    }
    submit.disabled = true;
    try {
      await api('/api/contact', {
        method: 'POST',
        body: { name: name.value.trim(), email: email.value.trim(), type: type.value, message: message.value.trim() },
      });
      const done = h('div', { id: 'contact-done', class: 'notice', role: 'status', tabindex: '-1' },
        h('p', { class: 'empty-title', text: 'Thank you — your message was sent.' }),
        h('p', { text: `We will answer at ${email.value.trim()}.` }),
        h('p', null, h('a', { href: '/', text: 'Back to the designs' })));
      replace(panel, panel.firstChild, done);
      done.focus();
    } catch (e) {
      showAlert(error, e instanceof ApiError && e.status === 404
        ? 'This Vitrine does not take messages through its website yet.'
        : e.message);
      submit.disabled = false;
    }
  });
  return panel;
}
