/* Quick exit, after the GOV.UK "Exit this page" component.
 *
 * - Click the button (or press Shift three times, each press within 5 seconds of the one
 *   before): the page is covered at once, then location.replace() opens a neutral weather page.
 *   replace() swaps this page's history entry for the weather page, so Back does not bring the
 *   page back (it goes to whatever was open before it).
 * - Only Shift on its own counts. Any other key, or Shift held together with another key,
 *   starts the count again, so typing capital letters never triggers it.
 * - Screen readers hear the count and its reset through a polite live region; sighted keyboard
 *   users see it as three lights beside the button (data-count on .nyf-exit-bar__count).
 * - Left and right Shift count the same (both are event.key "Shift").
 * - The tab title is swapped for the "leaving" text while the weather page loads, so the tab
 *   strip and tab switcher stop showing this site's title at once. (GOV.UK's component leaves
 *   the title alone; it is restored if the reader comes back.)
 * - If the browser shows the page again from its back/forward cache, "pageshow" removes the
 *   cover and resets the count.
 *
 * Stands alone: no dependencies and nothing from Material's bundle (document$ and friends), so
 * it works even if that bundle fails to load. Every string comes from the page (data attributes
 * written by overrides/partials/quick-exit.html from mkdocs.yml), none is written here.
 */
(function () {
  "use strict";

  var WINDOW_MS = 5000; // each Shift press must come within this time of the previous one
  var PRESSES = 3;

  var bar = null;
  var exitUrl = "";
  var status = null;
  var lights = null;
  var overlay = null;
  var count = 0;
  var lastPress = 0;
  var timer = null;
  var clearTimer = null;
  var shiftWithOtherKey = false;
  var savedTitle = null;

  function text(name) {
    return (bar && bar.getAttribute("data-" + name)) || "";
  }

  function announce(message) {
    if (!status) return;
    if (clearTimer) {
      clearTimeout(clearTimer);
      clearTimer = null;
    }
    status.textContent = message;
  }

  function show(n) {
    if (lights) lights.setAttribute("data-count", String(n));
  }

  function stopTimer() {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
  }

  // The count starts again; tell screen reader users if a count was under way.
  function resetCount() {
    stopTimer();
    if (count > 0) {
      count = 0;
      show(0);
      announce(text("reset"));
      // Do not leave a stale message for someone who reads the page later.
      clearTimer = setTimeout(function () {
        clearTimer = null;
        if (status) status.textContent = "";
      }, WINDOW_MS);
    }
  }

  function showOverlay() {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.className = "nyf-exit-overlay";
      overlay.setAttribute("role", "alert");
      overlay.setAttribute("data-nyf-exit-overlay", "");
      // Inline, so the page is covered even if the stylesheet did not load.
      overlay.style.cssText =
        "position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483647;" +
        "display:flex;align-items:center;justify-content:center;margin:0;padding:1rem;" +
        "background:var(--md-default-bg-color,#fff);color:var(--md-default-fg-color,#000);";
    }
    overlay.textContent = text("leaving");
    (document.body || document.documentElement).appendChild(overlay);
    document.documentElement.classList.add("nyf-exiting");
  }

  function removeOverlay() {
    if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
    document.documentElement.classList.remove("nyf-exiting");
  }

  function exitPage() {
    stopTimer();
    count = 0;
    show(PRESSES);
    if (status) status.textContent = "";
    // Cover the page first, in the same task: the reader sees it before the browser leaves.
    showOverlay();
    if (savedTitle === null) savedTitle = document.title;
    document.title = text("leaving");
    // The weather site must not learn which page the reader left. The site's pages ask for no
    // referrer already; saying it here too keeps that true on any page that loads this script.
    var policy = document.createElement("meta");
    policy.name = "referrer";
    policy.content = "no-referrer";
    document.head.appendChild(policy);
    window.location.replace(exitUrl);
  }

  function onClick(event) {
    event.preventDefault();
    exitPage();
  }

  function onKeyDown(event) {
    if (event.key === "Shift") {
      // A fresh press of Shift; held-down repeats change nothing.
      if (!event.repeat) shiftWithOtherKey = false;
      return;
    }
    // Any other key: the count starts again, and a Shift held with it will not count.
    if (event.shiftKey) shiftWithOtherKey = true;
    resetCount();
  }

  function onKeyUp(event) {
    if (event.key !== "Shift") return;
    var combined = shiftWithOtherKey;
    shiftWithOtherKey = false;
    if (combined) return;

    var now = Date.now();
    // The timer normally resets a stale count; this also covers a timer the browser delayed.
    if (count > 0 && now - lastPress > WINDOW_MS) resetCount();
    stopTimer();
    count += 1;
    lastPress = now;
    show(count);
    if (count >= PRESSES) {
      exitPage();
      return;
    }
    announce(text(count === 1 ? "progress-1" : "progress-2"));
    timer = setTimeout(resetCount, WINDOW_MS);
  }

  // Shown again from the back/forward cache: no cover, no count. On an ordinary load there is
  // no cover to remove, and a count the reader started before "load" is left alone.
  function onPageShow(event) {
    var covered = document.documentElement.classList.contains("nyf-exiting") ||
      !!(overlay && overlay.parentNode);
    if (!event.persisted && !covered) return;
    stopTimer();
    count = 0;
    show(0);
    shiftWithOtherKey = false;
    removeOverlay();
    if (savedTitle !== null) {
      document.title = savedTitle;
      savedTitle = null;
    }
    if (status) status.textContent = "";
  }

  function init() {
    bar = document.querySelector("[data-nyf-exit]");
    if (!bar || bar.hasAttribute("data-nyf-exit-ready")) return;
    var button = bar.querySelector("a.nyf-exit");
    exitUrl = bar.getAttribute("data-exit-url") || (button && button.href) || "";
    if (!button || !exitUrl) return;
    bar.setAttribute("data-nyf-exit-ready", "");
    status = bar.querySelector("[aria-live]");
    lights = bar.querySelector(".nyf-exit-bar__count");
    button.addEventListener("click", onClick);
    // Capture phase on window: no other script on the page can swallow these first.
    window.addEventListener("keydown", onKeyDown, true);
    window.addEventListener("keyup", onKeyUp, true);
    window.addEventListener("pageshow", onPageShow);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
