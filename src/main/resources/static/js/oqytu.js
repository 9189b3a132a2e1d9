// Oqytu's small behaviours. No inline scripts anywhere (the Content-Security-Policy forbids them).
document.addEventListener('htmx:configRequest', function (event) {
  // htmx requests carry the CSRF token Spring Security expects.
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
