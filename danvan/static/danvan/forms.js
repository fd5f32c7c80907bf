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

  // Date fields show and accept dd/mm/yyyy, with a calendar in Vietnamese; typing stays allowed.
  function datePickers(root) {
    if (!window.flatpickr || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll("input.date-input").forEach((input) => {
      if (!input._flatpickr) {
        window.flatpickr(input, { dateFormat: "d/m/Y", allowInput: true, locale: window.flatpickr.l10ns.vn });
      }
    });
  }

  // A progress bar's width, from data-progress (the CSP allows no style="" attribute).
  function sizeProgressBars(root) {
    if (root.querySelectorAll) {
      root.querySelectorAll("[data-progress]").forEach((bar) => { bar.style.width = `${bar.dataset.progress}%`; });
    }
  }

  function prepare(root) {
    skipBrowserValidation(root);
    datePickers(root);
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
