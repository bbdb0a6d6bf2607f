// The printable monthly report's one behaviour: its button prints the page. A file, not an inline onclick, because the
// host's Content-Security-Policy runs no inline script.
document.getElementById('print')?.addEventListener('click', () => window.print());
