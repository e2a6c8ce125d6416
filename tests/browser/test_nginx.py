"""deploy/nginx.conf on Debian's real nginx, started on 127.0.0.1 at free ports, serving a
release through the `current` symlink as a deploy leaves it. The test changes only the listen
addresses, the root and the certificate paths (a throw-away self-signed certificate).

Checked: the redirect to HTTPS, the security headers (CSP without 'unsafe-inline', nosniff,
Referrer-Policy, Permissions-Policy, HSTS), gzip_static with the build's .gz files, cache
lifetimes, both language roots, the 404 page in each language, no directory listing; and
Chromium loads pages of every type with no CSP violation (and does report a planted one)."""

from __future__ import annotations

import gzip
import http.client
import shutil
import socket
import ssl
import subprocess
import time
from pathlib import Path

import pytest

from site_checks.browser import chromium
from site_search.policy import CONTENT_SECURITY_POLICY
from support import ROOT

CONF = ROOT / "deploy/nginx.conf"
NGINX = "/usr/sbin/nginx"
MAIN = """user root;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/site.conf;
}}
"""
CSP_PROBE = ("<!DOCTYPE html><html lang=en><head><title>probe</title><style>p{color:red}</style></head>"
             "<body><p>x</p></body></html>")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_conf(target: Path, certs: Path, http_port: int, https_port: int) -> str:
    """deploy/nginx.conf with this machine's addresses, root and certificate."""
    text = CONF.read_text(encoding="utf-8")
    changes = {"listen 80;": f"listen 127.0.0.1:{http_port};", "listen [::]:80;\n": "",
               "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;", "listen [::]:443 ssl;\n": "",
               "/srv/www/longjing/current": str(target / "current"), "/etc/ssl/longjing/": f"{certs}/"}
    for old, new in changes.items():
        assert old in text, f"deploy/nginx.conf no longer has {old!r}"
        text = text.replace(old, new)
    return text


def wait_for(port: int, server: subprocess.Popen, work: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        assert server.poll() is None, (work / "error.log").read_text()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nginx did not answer on {port}")


@pytest.fixture(scope="module")
def nginx(real_site, tmp_path_factory):
    """nginx serving a release of the real site; yields (https port, http port, release folder)."""
    assert Path(NGINX).exists(), "Debian's nginx is missing: run `make test-deps`"
    work = tmp_path_factory.mktemp("nginx")
    release = work / "target/releases/20261130T000000Z-test"
    shutil.copytree(real_site.output, release)
    (release / "csp-probe.html").write_text(CSP_PROBE, encoding="utf-8")
    (work / "target/current").symlink_to("releases/20261130T000000Z-test")
    certs = work / "certs"
    certs.mkdir()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-keyout", str(certs / "privkey.pem"), "-out", str(certs / "fullchain.pem")],
                   check=True, capture_output=True)
    http_port, https_port = free_port(), free_port()
    (work / "site.conf").write_text(site_conf(work / "target", certs, http_port, https_port), encoding="utf-8")
    (work / "nginx.conf").write_text(MAIN.format(work=work), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    server = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(https_port, server, work)
        yield https_port, http_port, release
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(port: int, path: str, headers: dict | None = None, tls: bool = True) -> http.client.HTTPResponse:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    connection = (http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10) if tls
                  else http.client.HTTPConnection("127.0.0.1", port, timeout=10))
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_plain_http_is_redirected_to_https(nginx):
    response = get(nginx[1], "/en/guides/", tls=False)
    assert response.status == 301 and response.getheader("Location").startswith("https://")


def test_every_answer_has_the_security_headers(nginx):
    for path in ("/", "/en/", "/no-such-page/", "/theme/css/site.css"):
        response = get(nginx[0], path)
        csp = response.getheader("Content-Security-Policy")
        assert csp == CONTENT_SECURITY_POLICY, path  # the policy the site declares, once
        assert "'unsafe-inline'" not in csp and "unsafe-eval'" not in csp.replace("'wasm-unsafe-eval'", "")
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("Referrer-Policy") == "strict-origin-when-cross-origin"
        assert "camera=()" in response.getheader("Permissions-Policy")
        assert response.getheader("Strict-Transport-Security").startswith("max-age=")
        assert response.getheader("Server") == "nginx"  # no version


def test_both_language_roots_are_served_as_utf8_html(nginx):
    for path, lang in (("/", 'lang="zh-Hant-TW"'), ("/en/", 'lang="en"')):
        response = get(nginx[0], path)
        assert response.status == 200 and response.getheader("Content-Type") == "text/html; charset=utf-8"
        assert lang in response.body.decode()


def test_the_build_s_gz_files_are_sent_to_browsers_that_accept_gzip(nginx):
    https_port, _, release = nginx
    response = get(https_port, "/en/guides/", {"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip" and response.getheader("Vary") == "Accept-Encoding"
    assert response.body == (release / "en/guides/index.html.gz").read_bytes()
    assert gzip.decompress(response.body) == (release / "en/guides/index.html").read_bytes()
    plain = get(https_port, "/en/guides/")
    assert plain.getheader("Content-Encoding") is None and plain.body == (release / "en/guides/index.html").read_bytes()


def test_fingerprinted_theme_files_are_kept_a_year_and_pages_briefly(nginx):
    https_port, _, release = nginx
    home = (release / "index.html").read_text(encoding="utf-8")
    css = home.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert "?v=" in css
    assert get(https_port, css).getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert get(https_port, css.split("?")[0]).getheader("Cache-Control") == "public, max-age=3600"
    assert get(https_port, "/en/").getheader("Cache-Control") == "public, max-age=300"
    assert get(https_port, "/forms.json").getheader("Cache-Control") == "public, max-age=3600"


def test_a_missing_page_gets_the_404_page_of_its_language(nginx):
    zh = get(nginx[0], "/no-such-page/")
    en = get(nginx[0], "/en/no-such-page/")
    assert zh.status == en.status == 404
    assert 'lang="zh-Hant-TW"' in zh.body.decode() and 'lang="en"' in en.body.decode()
    assert zh.body == (nginx[2] / "404.html").read_bytes() and en.body == (nginx[2] / "en/404.html").read_bytes()


def test_no_folder_is_ever_listed_and_nothing_hidden_is_served(nginx):
    for path in ("/theme/", "/theme/css/", "/en/feeds/", "/.git/config"):
        response = get(nginx[0], path)
        assert response.status == 404, path
        assert b"Index of" not in response.body


VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"""


def csp_violations(port: int, paths: list[str]) -> dict[str, list[str]]:
    """{path: CSP violations and console messages about them} in Chromium, per page."""
    found = {}
    with chromium(preload_script=VIOLATIONS, console_log=True) as driver:
        driver.execute_cdp_cmd("Security.setIgnoreCertificateErrors", {"ignore": True})
        for path in paths:
            driver.get(f"https://127.0.0.1:{port}{path}")
            time.sleep(0.2)
            events = driver.execute_script("return window.__violations")
            console = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]
            if events or console:
                found[path] = events + console
    return found


@pytest.mark.browser
def test_chromium_reports_no_csp_violation_on_any_page_type(nginx):
    paths = ["/", "/en/", "/guides/birth/", "/en/guides/birth/", "/forms/", "/en/forms/", "/news/",
             "/en/accessibility/", "/sitemap/", "/open-data/", "/no-such-page/", "/en/no-such-page/",
             "/search/?q=出生", "/en/search/?q=birth"]
    assert csp_violations(nginx[0], paths) == {}


@pytest.mark.browser
def test_chromium_does_report_a_planted_inline_style(nginx):
    found = csp_violations(nginx[0], ["/csp-probe.html"])
    assert "/csp-probe.html" in found and any("style-src" in v for v in found["/csp-probe.html"])


@pytest.mark.browser
def test_search_works_through_nginx_with_its_headers(nginx):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with chromium(preload_script=VIOLATIONS) as driver:
        driver.execute_cdp_cmd("Security.setIgnoreCertificateErrors", {"ignore": True})
        driver.get(f"https://127.0.0.1:{nginx[0]}/en/search/?q=birth")
        WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "search-status").text)
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results h2 a")]
        assert any("/en/guides/birth/" in link for link in links), links
        assert driver.execute_script("return window.__violations") == []


def test_the_go_live_gate_refuses_a_server_config_whose_policy_drifted(tmp_path):
    from site_publish.golive import csp_problems

    assert csp_problems(CONF) == []
    drifted = tmp_path / "nginx.conf"
    lines = CONF.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines, 1) if "Content-Security-Policy" in line and "add_header" in line)
    lines[number - 1] = lines[number - 1].replace("img-src 'self'", "img-src 'self' https:")
    drifted.write_text("\n".join(lines), encoding="utf-8")
    [problem] = csp_problems(drifted)
    assert (problem.line, problem.rule) == (number, "csp-differs")
    drifted.write_text("server {}\n", encoding="utf-8")
    assert [p.rule for p in csp_problems(drifted)] == ["csp-missing"]
