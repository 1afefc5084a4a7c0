// Starts the page's view: <body data-view="document" data-args='["id"]'> → rasoat.document("id").
// (No inline script: the Content-Security-Policy allows scripts from /ui/static only.)
(() => {
  const {view, args} = document.body.dataset;
  if (view && typeof rasoat[view] === "function") rasoat[view](...JSON.parse(args || "[]"));
})();
