"""The Content-Security-Policy the site needs, search included, declared once: docs/search.md
shows it, the browser tests serve the built site with it, and the server should send it as a
header on every response (a worker gets its own policy from the response of its script).

Everything comes from the site's own origin; no inline script or style anywhere. The one
extra is 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search engine in the page
(theme/static/js/search.js runs it without a worker, so no worker-src is needed).
"""

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-ancestors", "'none'"),
)
CONTENT_SECURITY_POLICY = "; ".join(f"{name} {value}" for name, value in DIRECTIVES)
