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

// A file larger than its input's data-max-bytes is refused before it is sent, with the reason from
// data-too-large ({size} is the file's size in MB): past the server's upload limit a refusal cannot be shown.
document.addEventListener('change', function (event) {
  var input = event.target;
  if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) {
    return;
  }
  var file = input.files && input.files[0];
  var tooLarge = file && file.size > Number(input.getAttribute('data-max-bytes'));
  input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large').replace('{size}', (file.size / 1048576).toFixed(1)) : '');
  if (tooLarge) {
    input.reportValidity();
  }
});
