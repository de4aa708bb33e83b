/* Search that costs nothing until a reader searches.
 *
 * Material starts its search worker and downloads the whole search index on every page view.
 * Most readers here never search, and on a phone the index is the heaviest file. So Material is
 * pointed at this small worker instead (overrides/main.html, block config). It answers Material's
 * setup at once, and only when the first query arrives does it load Material's real worker (same
 * folder, so its relative paths to lunr still work) and this language's full index, hand the real
 * worker Material's setup with the full index's docs in place of the empty list, and pass the query
 * on. From then on the real worker answers everything itself.
 *
 * Material's worker protocol (9.8.x): {type: 0, data: index} -> {type: 1}; {type: 2, data: query}
 * -> {type: 3, data: result}. tests/test_browser.py searches in all three languages.
 */
(function () {
  "use strict";
  var params = new URL(self.location.href).searchParams;
  var siteRoot = new URL("../../../", self.location.href);
  var realWorker = params.get("worker");
  var fullIndex = new URL(params.get("index"), siteRoot).href;
  var state = "idle"; // idle -> loading -> real
  var pending = [];
  var setup = null; // Material's setup data (config, options); only its docs are left out

  function loadReal() {
    state = "loading";
    fetch(fullIndex)
      .then(function (response) { return response.json(); })
      .then(function (index) {
        var post = self.postMessage.bind(self);
        // The real worker replies with the global postMessage; catch its "ready" to send the
        // queries that arrived while loading, then step aside.
        self.postMessage = function (message) {
          if (message && message.type === 1 && state === "loading") {
            state = "real";
            self.postMessage = post;
            pending.splice(0).forEach(function (data) {
              self.dispatchEvent(new MessageEvent("message", { data: data }));
            });
            return;
          }
          post(message);
        };
        importScripts(realWorker);
        var data = Object.assign({}, setup, { docs: index.docs });
        self.dispatchEvent(new MessageEvent("message", { data: { type: 0, data: data } }));
      })
      .catch(function (error) {
        console.warn("Search could not load", error);
        state = "idle";
      });
  }

  self.addEventListener("message", function (event) {
    if (state === "real") return; // the real worker has its own listener now
    var message = event.data;
    if (!message || event.isTrusted === false) return;
    if (message.type === 0) {
      setup = message.data;
      self.postMessage({ type: 1 });
    } else if (message.type === 2) {
      // Material sends an empty query as soon as it is ready: answer it without loading anything.
      if (typeof message.data !== "string" || !message.data.trim()) {
        self.postMessage({ type: 3, data: { items: [] } });
        return;
      }
      pending = [message]; // only the latest query matters
      if (state === "idle") loadReal();
    }
  });
})();
