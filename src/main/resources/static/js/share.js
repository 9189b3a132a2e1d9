// Sharing a survey's link (issue 19): the phone's share sheet where the browser has one (Web Share API),
// else copy to the clipboard with a visible "copied". Delegated, so the survey panel htmx loads works too.
(function () {
  'use strict';

  function status(box, key) {
    var out = box.querySelector('[data-share-status]');
    if (out) {
      out.textContent = box.getAttribute(key) || '';
    }
  }

  function copyByHand(box, url) {
    var input = box.querySelector('.share-url');
    if (!input) {
      return false;
    }
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }

  function copy(box) {
    var url = box.getAttribute('data-share-url');
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        status(box, 'data-copied');
      }, function () {
        status(box, copyByHand(box, url) ? 'data-copied' : 'data-copy-failed');
      });
    } else {
      status(box, copyByHand(box, url) ? 'data-copied' : 'data-copy-failed');
    }
  }

  function reveal(root) {
    if (typeof navigator.share !== 'function') {
      return;
    }
    root.querySelectorAll('[data-share] [data-share-native]').forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-share-copy], [data-share-native]');
    if (!button) {
      return;
    }
    var box = button.closest('[data-share]');
    if (button.hasAttribute('data-share-copy')) {
      copy(box);
      return;
    }
    navigator.share({
      title: box.getAttribute('data-share-title'),
      text: box.getAttribute('data-share-text'),
      url: box.getAttribute('data-share-url')
    }).catch(function (error) {
      // cancelled by the person: nothing to say; anything else: copy instead
      if (!error || error.name !== 'AbortError') {
        copy(box);
      }
    });
  });

  reveal(document);
  document.addEventListener('htmx:afterSettle', function () {
    reveal(document);
  });
}());
