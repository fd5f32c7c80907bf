// The server validates every form and answers in Vietnamese, beside the field. The
// browser's own validation would stop the request first with a bubble in the browser's
// language, so it is turned off on every form: those of the page and those htmx inserts.
(() => {
  "use strict";

  function skipBrowserValidation(root) {
    if (root instanceof HTMLFormElement) {
      root.noValidate = true;
    }
    if (root.querySelectorAll) {
      root.querySelectorAll("form").forEach((form) => { form.noValidate = true; });
    }
  }

  // A progress bar's width, from data-progress (the CSP allows no style="" attribute).
  function sizeProgressBars(root) {
    if (root.querySelectorAll) {
      root.querySelectorAll("[data-progress]").forEach((bar) => { bar.style.width = `${bar.dataset.progress}%`; });
    }
  }

  function prepare(root) {
    skipBrowserValidation(root);
    sizeProgressBars(root);
  }

  prepare(document);
  document.addEventListener("htmx:load", (event) => prepare(event.target));

  // A form with data-confirm="question" asks before it is sent (no inline script needed).
  document.addEventListener("submit", (event) => {
    const question = event.target.dataset ? event.target.dataset.confirm : undefined;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
