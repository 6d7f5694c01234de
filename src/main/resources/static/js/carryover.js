// Sends the CSRF token with every htmx request; pages carry it in meta tags.
document.addEventListener('htmx:configRequest', function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// After a page load or an htmx swap, moves focus to the element the page names in data-focus (the
// question just added, the problems of a refused save), so keyboard and screen-reader users follow.
function carryoverFocusNamed() {
  var holder = document.querySelector('[data-focus]');
  if (!holder) {
    return;
  }
  var target = document.getElementById(holder.getAttribute('data-focus'));
  holder.removeAttribute('data-focus');
  if (target) {
    target.focus();
    target.scrollIntoView({block: 'center'});
  }
}
document.addEventListener('DOMContentLoaded', carryoverFocusNamed);
document.addEventListener('htmx:afterSettle', carryoverFocusNamed);
