// Marks the page as hydrated (React has attached its handlers), so browser tests type only into live forms.
export function onRouteDidUpdate(): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.dnnHydrated = 'true';
}
