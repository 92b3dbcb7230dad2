// Additions to mdBook's theme for the generated chapters (loaded with
// `additional-js`, so no template is overridden).
//
// 1. Accessible previews: a citation shows its reference, a term link its
//    definition or expansion, on hover and on keyboard focus, in one
//    role="tooltip" element the link points to with aria-describedby.
// 2. mdBook 0.5.4's sidebar toggle is a <label> carrying aria-expanded and
//    aria-controls, which a label may not have (axe: aria-allowed-attr): it
//    already behaves as a button, so it is given that role.
// 3. Big books are searched with Pagefind instead of mdBook's one-file index
//    (`mdbook-seeds build` writes pagefind/ and turns mdBook's search off).
//    Where mdBook's search button is missing and the bundle is there, a search
//    button opens Pagefind's search box above the chapter; its scripts load on
//    first use. "s" or "/" opens it, Escape closes it, ?search=word runs a search.
// 4. mdBook's own search (small books): `mdbook-seeds build` rebuilds its index
//    with accents folded, apostrophes straight, spelling variants and glossary
//    forms added, and glossary terms kept from the stop words ("ALL"). The query
//    side gets the same: elasticlunr's "trimmer" folds the query the same way,
//    and its "stopWordFilter" keeps the words the index lists in `seeds_keep`.
(function () {
  "use strict";

  function foldForSearch(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019\u02bc\u2032]/g, "'");
  }

  function patchMdbookSearch() {
    var lunr = window.elasticlunr;
    if (!lunr || !lunr.Pipeline || lunr.__seedsPatched) return;
    lunr.__seedsPatched = true;
    var trim = lunr.trimmer;
    var stop = lunr.stopWordFilter;
    var trimmer = function (token) {
      return trim(foldForSearch(token));
    };
    var stopWordFilter = function (token) {
      var keep = window.search && window.search.seeds_keep;
      if (keep && keep.indexOf(token) >= 0) return token;
      return stop(token);
    };
    // Registered under the names the index's pipeline lists, so that
    // elasticlunr.Index.load picks these (it warns once that they replace
    // the built-in ones).
    var warn = lunr.utils && lunr.utils.warn;
    if (lunr.utils) lunr.utils.warn = function () {};
    lunr.Pipeline.registerFunction(trimmer, "trimmer");
    lunr.Pipeline.registerFunction(stopWordFilter, "stopWordFilter");
    if (lunr.utils) lunr.utils.warn = warn;
  }
  patchMdbookSearch();

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

  // Font Awesome Free 6.2.0 magnifying glass (CC BY 4.0), as in mdBook's own button.
  var MAGNIFIER =
    '<span class="fa-svg"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" aria-hidden="true">' +
    '<path d="M416 208c0 45.9-14.9 88.3-40 122.7L502.6 457.4c12.5 12.5 12.5 32.8 0 45.3s-32.8 12.5-45.3 0L330.7 376' +
    'c-34.4 25.2-76.8 40-122.7 40C93.1 416 0 322.9 0 208S93.1 0 208 0S416 93.1 416 208zM208 352a144 144 0 1 0 0-288' +
    ' 144 144 0 1 0 0 288z"/></svg></span>';

  function setUpPagefind() {
    if (document.getElementById("mdbook-search-toggle")) return;
    if (typeof path_to_root === "undefined" || location.protocol === "file:") return;
    // path_to_root is "" on a top-level page: the root is then the page's folder,
    // not the page ("introduction.html/glossary.html" was a result's address).
    // Resolved against document.baseURI: the 404 page, served at any address
    // (/seeds/missing/page.html), has <base href> set to book.toml's site-url.
    var root = new URL(path_to_root || "./", document.baseURI);
    var bundle = new URL("pagefind/", root);
    fetch(new URL("pagefind-entry.json", bundle))
      .then(function (r) {
        if (r.ok) addPagefind(root, bundle);
      })
      .catch(function () {});
  }

  function addPagefind(root, bundle) {
    var bar = document.querySelector(".left-buttons");
    var main = document.querySelector("main");
    if (!bar || !main) return;
    var button = document.createElement("button");
    button.id = "seeds-search-toggle";
    button.className = "icon-button";
    button.type = "button";
    button.title = "Search. (Shortkey: s)";
    button.setAttribute("aria-label", "Search");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "seeds-search");
    button.innerHTML = MAGNIFIER;
    bar.appendChild(button);
    var panel = document.createElement("div");
    panel.id = "seeds-search";
    panel.className = "seeds-search";
    panel.setAttribute("role", "search");
    panel.hidden = true;
    main.parentNode.insertBefore(panel, main);
    var ui = null;
    var loading = null;

    function load() {
      if (!loading) {
        loading = new Promise(function (ok, fail) {
          var css = document.createElement("link");
          css.rel = "stylesheet";
          css.href = new URL("pagefind-ui.css", bundle).href;
          document.head.appendChild(css);
          var js = document.createElement("script");
          js.src = new URL("pagefind-ui.js", bundle).href;
          js.onload = function () {
            ui = new window.PagefindUI({
              element: "#seeds-search",
              bundlePath: bundle.pathname,
              baseUrl: root.pathname,
              showSubResults: true,
              showImages: false,
              translations: { placeholder: "Search this book" },
            });
            ok(ui);
          };
          js.onerror = fail;
          document.head.appendChild(js);
        });
      }
      return loading;
    }

    function open(term) {
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
      return load().then(function () {
        if (term) ui.triggerSearch(term);
        var input = panel.querySelector("input");
        if (input) {
          // Pagefind's input has a placeholder and no label (axe: label-title-only).
          input.setAttribute("aria-label", "Search this book");
          input.focus();
        }
      });
    }

    function close() {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }

    button.addEventListener("click", function () {
      if (panel.hidden) open();
      else close();
    });
    document.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var t = e.target;
      var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (!typing && (e.key === "s" || e.key === "S" || e.key === "/") && panel.hidden) {
        e.preventDefault();
        open();
      } else if (e.key === "Escape" && !panel.hidden && panel.contains(t)) {
        close();
      }
    });
    var term = new URLSearchParams(location.search).get("search");
    if (term) open(term);
  }

  function init() {
    fixSidebarToggle();
    setUpPreviews();
    setUpPagefind();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
