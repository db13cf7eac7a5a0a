// Portal behaviour that pages cannot carry inline (the Content-Security-Policy forbids inline script):
// htmx requests send the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', (event) => {
	const token = document.querySelector('meta[name="csrf-token"]');
	const header = document.querySelector('meta[name="csrf-header"]');
	if (token && header) {
		event.detail.headers[header.content] = token.content;
	}
});
