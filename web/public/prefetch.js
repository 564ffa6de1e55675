// Table dashboard and report: ask for the data now, while the app's code still loads (src/main.tsx takes
// the answer over). A separate file, not an inline script, so the Content-Security-Policy can forbid
// inline scripts. Without it main.tsx asks itself, a bit later.
(function () {
  var m = /^\/tafels\/([^/]+)(?:\/rapport)?\/?$/.exec(location.pathname);
  if (m) {
    window.__wbmDashboard = {
      path: m[1],
      response: fetch('/api/v1/regions/' + m[1] + '/dashboard', { credentials: 'same-origin', headers: { accept: 'application/json' } }),
    };
  }
})();
