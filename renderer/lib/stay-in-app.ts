// The page never leaves the app: links, forms, dropped files or URLs and window.open go nowhere.
// The main process refuses navigation and new windows too; this is the page's own half.
export function stayInApp(win: Window): void {
  const stop = (event: Event) => event.preventDefault();
  const onLink = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('a[href], area[href]')) event.preventDefault();
  };
  win.addEventListener('click', onLink, true);
  win.addEventListener('auxclick', onLink, true);
  win.addEventListener('submit', stop, true);
  // A file or link dropped anywhere would replace the page; fields still take dropped text.
  win.addEventListener('dragover', (event) => {
    if (!isTextField(event.target)) event.preventDefault();
  });
  win.addEventListener('drop', (event) => {
    if (!isTextField(event.target) || event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  win.open = () => null;
  // Whatever else would load another document (a script, a meta refresh), the Navigation API cancels; only the
  // app's own state of the current entry (the open meeting, kept for a reload) may be replaced, at the same address.
  win.navigation?.addEventListener('navigate', (event) => {
    const sameEntry = event.navigationType === 'replace' && event.destination.sameDocument && event.destination.url === win.location.href;
    if (event.cancelable && !sameEntry) event.preventDefault();
  });
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['file', 'checkbox', 'radio'].includes(target.type));
}
