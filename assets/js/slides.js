/* Slides (overrides/slides.html): one slide at a time, on screen.
 *
 * The page already holds every slide in order (grouped when the site is built), which is what a
 * reader without JavaScript and a printer get. This script shows one slide at a time and steps
 * through them with the arrow keys, Page Up/Down, Space (Shift+Space back), Home and End, or the
 * two buttons; the slide's number is announced politely. The address keeps the slide
 * (#slide-3), so Back, reload and a bookmark return to it. Keys typed into a field, or with
 * Ctrl/Alt/Meta held, are left alone; Shift on its own stays the quick exit's.
 */
(function () {
  "use strict";

  function init() {
    var deck = document.querySelector("[data-nyf-slides]");
    if (!deck) return;
    var slides = Array.prototype.slice.call(deck.querySelectorAll(".nyf-slide"));
    if (slides.length < 2) return;
    var controls = deck.querySelector(".nyf-slides__controls");
    var where = deck.querySelector(".nyf-slides__where");
    var prev = deck.querySelector("[data-nyf-slides-prev]");
    var next = deck.querySelector("[data-nyf-slides-next]");
    var countText = deck.getAttribute("data-count-text") || "{n} / {total}";
    var current = 0;

    slides.forEach(function (slide, i) {
      slide.id = slide.id || "slide-" + (i + 1);
      slide.setAttribute("tabindex", "-1");
    });

    function show(i, focus) {
      current = Math.max(0, Math.min(slides.length - 1, i));
      slides.forEach(function (slide, j) { slide.hidden = j !== current; });
      prev.disabled = current === 0;
      next.disabled = current === slides.length - 1;
      where.textContent = countText.replace("{n}", String(current + 1)).replace("{total}", String(slides.length));
      if (location.hash !== "#" + slides[current].id) history.replaceState(null, "", "#" + slides[current].id);
      if (focus) slides[current].focus();
    }

    function fromHash() {
      var match = /^#slide-(\d+)$/.exec(location.hash);
      return match ? parseInt(match[1], 10) - 1 : 0;
    }

    document.documentElement.classList.add("nyf-slides-on");
    controls.hidden = false;
    prev.addEventListener("click", function () { show(current - 1, false); });
    next.addEventListener("click", function () { show(current + 1, false); });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      var step = {ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1}[event.key];
      if (event.key === " ") step = event.shiftKey ? -1 : 1;
      if (event.key === "Home") { show(0, true); event.preventDefault(); return; }
      if (event.key === "End") { show(slides.length - 1, true); event.preventDefault(); return; }
      if (!step) return;
      show(current + step, true);
      event.preventDefault();
    });
    window.addEventListener("hashchange", function () { show(fromHash(), false); });
    // On paper every slide is printed, whichever is on screen.
    window.addEventListener("beforeprint", function () { slides.forEach(function (s) { s.hidden = false; }); });
    window.addEventListener("afterprint", function () { show(current, false); });
    show(fromHash(), false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
