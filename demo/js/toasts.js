/**
 * Short notices in a polite live region (#toasts, aria-live="polite"), so
 * screen readers announce them without interrupting. Each stays a few
 * seconds; hovering or focusing the region keeps them.
 */
const SHOWN_MS = 8000;

export function toast(message) {
  const region = document.getElementById('toasts');
  const item = document.createElement('div');
  item.className = 'toast';
  item.textContent = message;
  region.append(item);
  const remove = () => {
    if (region.matches(':hover, :focus-within')) setTimeout(remove, 1000);
    else item.remove();
  };
  setTimeout(remove, SHOWN_MS);
}
