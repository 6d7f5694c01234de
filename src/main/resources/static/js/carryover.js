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

// A worksheet's draft is kept on the server: htmx sends the form a moment after each change
// (hx-trigger on the form). What was typed since the last send goes when the page is hidden or
// left, unless it is being left by saving the entry itself.
function carryoverDraftForm(element) {
  var form = element && (element.form || element.closest && element.closest('form'));
  return form && form.hasAttribute('data-draft-url') ? form : null;
}
// Each change is counted, and a send remembers the count it carried: a reply to an older send (one
// still on its way while more was typed) must not mark the newer words as kept.
document.addEventListener('input', function (event) {
  var form = carryoverDraftForm(event.target);
  if (form) {
    form.setAttribute('data-dirty', 'true');
    form.setAttribute('data-edits', String(Number(form.getAttribute('data-edits') || 0) + 1));
  }
});
// Each send carries the moment it was made, so the server keeps the newest words whatever order the
// sends arrive in (the page may be left with an earlier send still on its way).
document.addEventListener('htmx:configRequest', function (event) {
  var form = event.detail.elt;
  if (form && form.hasAttribute && form.hasAttribute('data-draft-url')) {
    event.detail.parameters['draftSentAt'] = String(Date.now());
  }
});
document.addEventListener('htmx:beforeRequest', function (event) {
  var form = event.detail.elt;
  if (form && form.hasAttribute && form.hasAttribute('data-draft-url') && event.detail.xhr) {
    event.detail.xhr.carryoverEdits = form.getAttribute('data-edits');
  }
});
document.addEventListener('submit', function (event) {
  var form = carryoverDraftForm(event.target);
  if (form && !(event.submitter && event.submitter.hasAttribute('hx-post'))) {
    form.setAttribute('data-submitted', 'true');
  }
});
document.addEventListener('htmx:afterRequest', function (event) {
  var form = event.detail.elt;
  if (form && form.hasAttribute && form.hasAttribute('data-draft-url')) {
    if (event.detail.successful) {
      if (!event.detail.xhr || event.detail.xhr.carryoverEdits === form.getAttribute('data-edits')) {
        form.removeAttribute('data-dirty');
      }
    } else {
      var status = document.getElementById('draft-status');
      if (status) {
        status.textContent = 'Not kept yet: no connection. Your answers are still on this page.';
      }
    }
  }
});
function carryoverDraftBody(form) {
  var body = new URLSearchParams(new FormData(form));
  body.set('draftSentAt', String(Date.now()));
  return body;
}
function carryoverSendDrafts() {
  document.querySelectorAll('form[data-draft-url][data-dirty]').forEach(function (form) {
    if (!form.hasAttribute('data-submitted')
        && navigator.sendBeacon(form.getAttribute('data-draft-url'), carryoverDraftBody(form))) {
      form.removeAttribute('data-dirty');
    }
  });
}
window.addEventListener('pagehide', carryoverSendDrafts);
// Leaving by one of the page's own links with words not yet sent: they are sent first (for up to two
// seconds), then the link is followed. A beacon sent while the page unloads is not always delivered
// once a service worker controls the page (seen in headless Chromium under load); this is.
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey || link.target || link.hasAttribute('download') || link.origin !== window.location.origin) {
    return;
  }
  var form = document.querySelector('form[data-draft-url][data-dirty]:not([data-submitted])');
  if (!form || !window.fetch) {
    return;
  }
  event.preventDefault();
  var gone = false;
  var go = function () {
    if (!gone) {
      gone = true;
      window.location.href = link.href;
    }
  };
  window.setTimeout(go, 2000);
  fetch(form.getAttribute('data-draft-url'), {method: 'POST', body: carryoverDraftBody(form), credentials: 'same-origin'})
      .then(function (response) {
        if (response.ok) {
          form.removeAttribute('data-dirty');
        }
        go();
      }, go);
});
document.addEventListener('visibilitychange', function () {
  if (document.visibilityState === 'hidden') {
    carryoverSendDrafts();
  }
});

// "Copy the link": copies the named read-only field; where the clipboard is not available (plain
// http on another host) the text is selected, ready to copy by hand.
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var field = document.getElementById(button.getAttribute('data-copy'));
  if (!field) {
    return;
  }
  field.focus();
  field.select();
  var selected = function () {
    button.textContent = 'Selected: copy it now';
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = 'Copied';
    }, selected);
  } else {
    selected();
  }
});
