/**
 * The script the preview page loads: reload when a rebuild lands, show a banner while the
 * content has problems. Text goes in with textContent, never as HTML.
 */
export const LIVE_CLIENT_SCRIPT = `(() => {
  const events = new EventSource('/__lwr/events');
  // Marks the page as connected (tests and curious editors can see it in the inspector).
  events.addEventListener('open', () => { document.documentElement.dataset.lwrLive = 'connected'; });
  let banner;
  const show = (text) => {
    if (!banner) {
      banner = document.createElement('div');
      banner.setAttribute('role', 'alert');
      banner.id = 'lwr-problem-banner';
      banner.style.cssText = 'position:fixed;inset:0 0 auto 0;z-index:99999;margin:0;padding:1rem 1.25rem;background:#7a1020;color:#fff;font:14px/1.45 ui-monospace,monospace;white-space:pre-wrap;max-height:50vh;overflow:auto;box-shadow:0 2px 8px rgba(0,0,0,.3)';
      document.body.prepend(banner);
    }
    banner.textContent = text;
  };
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problem', (event) => show(JSON.parse(event.data)));
  events.addEventListener('clear', () => { banner?.remove(); banner = undefined; });
})();
`;

export const LIVE_CLIENT_PATH = '/__lwr/live.js';
export const LIVE_EVENTS_PATH = '/__lwr/events';
