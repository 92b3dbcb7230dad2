// Additions to mdBook's theme for the generated chapters (loaded with
// `additional-js`, so no template is overridden).
//
// 1. Accessible previews: a citation shows its reference, a term link its
//    definition or expansion, on hover and on keyboard focus, in one
//    role="tooltip" element the link points to with aria-describedby.
// 2. mdBook 0.5.4's sidebar toggle is a <label> carrying aria-expanded and
//    aria-controls, which a label may not have (axe: aria-allowed-attr): it
//    already behaves as a button, so it is given that role.
(function () {
  "use strict";

  function fixSidebarToggle() {
    var toggle = document.getElementById("mdbook-sidebar-toggle");
    if (toggle && toggle.tagName === "LABEL") {
      toggle.setAttribute("role", "button");
      if (!toggle.hasAttribute("tabindex")) toggle.tabIndex = 0;
      toggle.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          toggle.click();
        }
      });
    }
  }

  var tip = null;
  var owner = null;

  function tipElement() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "seeds-tip";
      tip.className = "seeds-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }

  // The text a link previews: a reference entry's text, a term's definition,
  // or an abbreviation's expansion.
  function previewText(a) {
    if (a.dataset.tip) return a.dataset.tip;
    var href = a.getAttribute("href") || "";
    var hash = href.indexOf("#");
    if (a.closest(".cite") && hash >= 0) {
      var path = href.slice(0, hash);
      var here = path === "" || location.pathname.endsWith("/" + path.replace(/^(\.\.\/)+/, ""));
      var entry = here ? document.getElementById(decodeURIComponent(href.slice(hash + 1))) : null;
      if (entry) {
        var copy = entry.cloneNode(true);
        copy.querySelectorAll(".backref").forEach(function (b) { b.remove(); });
        return copy.textContent.replace(/\s+/g, " ").trim();
      }
      return "";
    }
    var abbr = a.querySelector("abbr[title]");
    return abbr ? abbr.getAttribute("title") : "";
  }

  function show(a) {
    var text = previewText(a);
    if (!text) return;
    var t = tipElement();
    t.textContent = text;
    t.hidden = false;
    owner = a;
    a.setAttribute("aria-describedby", t.id);
    var r = a.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - t.offsetWidth - 8));
    t.style.top = top + "px";
    t.style.left = left + "px";
  }

  function hide() {
    if (tip) tip.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
  }

  function setUpPreviews() {
    var links = document.querySelectorAll("main a.term, main .cite a");
    links.forEach(function (a) {
      // The preview replaces the browser's own title tooltip (which keyboard
      // users never see); the text stays in data-tip.
      if (a.hasAttribute("title")) {
        a.dataset.tip = a.getAttribute("title");
        a.removeAttribute("title");
      }
      a.addEventListener("mouseenter", function () { show(a); });
      a.addEventListener("focus", function () { show(a); });
      a.addEventListener("mouseleave", hide);
      a.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") hide();
    });
  }

  function init() {
    fixSidebarToggle();
    setUpPreviews();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
