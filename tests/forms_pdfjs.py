"""pdf.js (pdfjs-dist, pinned in package.json) as a third PDF viewer: Firefox's viewer, run in
headless Chromium from a local server (module scripts cannot load from file://). A page is drawn
on a canvas with the form's values (annotationMode ENABLE_STORAGE, as pdf.js prints), with the
character maps pdf.js ships (cmaps/), so a non-embedded CJK font works as in the real viewer."""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import io
import shutil
import tempfile
import threading
from pathlib import Path

from PIL import Image

from site_checks.browser import chromium
from support import ROOT

PDFJS = ROOT / "node_modules" / "pdfjs-dist"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>pdf.js</title></head><body>
<script type="module">
import * as pdfjs from "/pdfjs/build/pdf.min.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdfjs/build/pdf.worker.min.mjs";
window.renderPage = async (url, index, scale) => {
  const pdf = await pdfjs.getDocument({url, cMapUrl: "/pdfjs/cmaps/", cMapPacked: true,
                                        standardFontDataUrl: "/pdfjs/standard_fonts/"}).promise;
  const page = await pdf.getPage(index + 1);
  const viewport = page.getViewport({scale});
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(viewport.width); canvas.height = Math.ceil(viewport.height);
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff"; context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({canvasContext: context, canvas, viewport,
                     annotationMode: pdfjs.AnnotationMode.ENABLE_STORAGE}).promise;
  await pdf.destroy();
  return canvas.toDataURL("image/png");
};
window.ready = true;
</script></body></html>"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {".mjs": "text/javascript", ".js": "text/javascript", ".html": "text/html",
                      ".pdf": "application/pdf", ".bcmap": "application/octet-stream", "": "application/octet-stream"}

    def log_message(self, *args):  # quiet
        pass


class PdfJs:
    """Render PDF pages with pdf.js: `render(path, page_index, dpi) -> greyscale image`."""

    def __init__(self, driver, root: Path, port: int):
        self.driver, self.root, self.port, self.count = driver, root, port, 0
        driver.get(f"http://127.0.0.1:{port}/index.html")
        driver.set_script_timeout(120)
        for _ in range(100):
            if driver.execute_script("return window.ready === true"):
                return
            threading.Event().wait(0.1)
        raise RuntimeError("pdf.js did not load")

    def render(self, path: Path, page: int, dpi: int) -> Image.Image:
        self.count += 1
        name = f"file{self.count}.pdf"
        shutil.copyfile(path, self.root / name)
        data = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "window.renderPage(arguments[0], arguments[1], arguments[2]).then(done, e => done('error:' + e));",
            f"/{name}", page, dpi / 72)
        (self.root / name).unlink()
        assert data.startswith("data:image/png;base64,"), data[:300]
        image = Image.open(io.BytesIO(base64.b64decode(data.split(",", 1)[1]))).convert("L")
        image.info["scale"] = dpi / 72
        return image


@contextlib.contextmanager
def pdfjs_viewer():
    """A running pdf.js in headless Chromium, served from a temporary folder on 127.0.0.1."""
    assert (PDFJS / "build" / "pdf.min.mjs").is_file(), "pdfjs-dist is missing: `make test` runs npm ci"
    root = Path(tempfile.mkdtemp(prefix="pdfjs-"))
    (root / "pdfjs").symlink_to(PDFJS)
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with chromium() as driver:
            yield PdfJs(driver, root, server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(root, ignore_errors=True)
