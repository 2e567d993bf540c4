// clipboard.js — "Copy" buttons for commands and policies.
// navigator.clipboard needs a secure context and a user gesture; a page opened from disk may be
// refused, so a hidden textarea with execCommand('copy') is the fallback. The outcome is
// announced to screen readers through the page's live region.

function announce(message) {
  const region = byId('announcer');
  region.textContent = '';
  // A new text node after clearing makes screen readers repeat the same message.
  window.setTimeout(() => { region.textContent = message; }, 30);
}

function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text).then(() => true, () => copyWithSelection(text));
  }
  return Promise.resolve(copyWithSelection(text));
}

function copyWithSelection(text) {
  const area = el('textarea', { class: 'copy-buffer', attrs: { readonly: true, 'aria-hidden': 'true' } });
  area.value = text;
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch (error) {
    copied = false;
  }
  area.remove();
  return copied;
}

/** A button that copies what getText() returns; labelKey names what is copied for assistive technology. */
function copyButton(getText, labelKey) {
  const button = el('button', {
    class: 'copy',
    text: t('copy'),
    attrs: { type: 'button', 'aria-label': t(labelKey) },
  });
  button.addEventListener('click', () => {
    copyText(getText()).then((copied) => {
      button.textContent = copied ? t('copied') : t('copyFailed');
      announce(copied ? t('copied') : t('copyFailed'));
      window.setTimeout(() => { button.textContent = t('copy'); }, 1500);
    });
  });
  return button;
}

/** A block of code to copy: a <pre> and its button, labelled by a heading. */
function codeBlock(headingKey, code, copyLabelKey) {
  return el('div', { class: 'code-block' }, [
    el('div', { class: 'code-head' }, [el('h4', { text: t(headingKey) }), copyButton(() => code, copyLabelKey)]),
    el('pre', {}, el('code', { text: code })),
  ]);
}
