/**
 * A question before an action that is hard to undo (approve, reopen), in
 * the page's modal <dialog id="confirm-dialog">: resolves true when the user
 * chose `yes`, false on Cancel or Escape.
 */
const $ = (id) => document.getElementById(id);

export function confirmAction({ title, text, yes }) {
  const dialog = $('confirm-dialog');
  $('confirm-heading').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-yes').textContent = yes;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.showModal();
    // The safe choice has the focus, so a stray Enter cancels.
    $('confirm-no').focus();
  });
}
