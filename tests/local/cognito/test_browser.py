"""Managed login in a real browser: headless Chromium from the system packages, driven by Playwright.

Chromium signs up, confirms with the emailed code and signs in through the pool's pages with PKCE,
and lands on the app's callback with a code that the test exchanges; a refusing trigger's message is
on the page. Playwright never downloads a browser here: it drives ``chromium`` from the PATH
(``.ci/run`` installs it). Skipped, with the reason, without Chromium or Playwright.
"""

from __future__ import annotations

import re
import shutil
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import Pool
from .test_managed_login import CALLBACK, HOSTED, claims
from .test_signin import PASSWORD, confirmed_user

APP = re.compile(r"^http://localhost:3000/")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("browser tests: chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests: playwright is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def forward(route: Any, target: str, prefix: str) -> None:
    """Answer a browser request with the emulator's answer to the same request at ``target`` + the rest of the
    URL after ``prefix``. Chromium does not route the redirects it follows itself, so a redirect within the
    emulator is followed here (a ``GET``, as the browser would); one to the app is handed to the browser."""
    url = target + route.request.url[len(prefix):]
    response = route.fetch(url=url, max_redirects=0)
    for _ in range(10):
        location = response.headers.get("location") or ""
        if response.status not in (301, 302, 303, 307) or not location.startswith(("/", target)):
            break
        url = urllib.parse.urljoin(url, location)
        headers = {k: v for k, v in route.request.headers.items() if k.lower() not in ("content-type", "content-length")}
        response = route.fetch(url=url, method="GET", headers=headers, post_data=b"", max_redirects=0)
    route.fulfill(response=response)


@pytest.fixture
def page(chromium: Any, cognito_aws: Any) -> Iterator[Any]:
    """A new browser profile (no cookies) whose app pages (``http://localhost:3000/...``) answer a stub.

    Every redirect the browser is sent to the app is recorded (``page.sent_to_app``): Chromium does not
    always route a redirect it follows itself, so a navigation may end on the app's unserved URL.
    """
    context = chromium.new_context()
    context.route(APP, lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>The app</h1>"))
    emulator = cognito_aws.endpoint_url
    context.route(re.compile("^" + re.escape(emulator) + "/"), lambda route: forward(route, emulator, emulator))
    tab = context.new_page()
    tab.sent_to_app = []
    context.on("response", lambda response: tab.sent_to_app.append(response.headers["location"])
               if APP.match(response.headers.get("location") or "") else None)
    tab.set_default_timeout(60_000)  # a trigger may start cold
    try:
        yield tab
    finally:
        context.close()


def authorize_url(pool: Any, client: Any) -> tuple[str, str, str]:
    """The authorize URL (code, PKCE S256, openid), its state and its PKCE verifier."""
    from cdktf_userpool.local.login._client import pkce_pair

    verifier, challenge = pkce_pair()
    state = "state-" + verifier[:8]
    query = urllib.parse.urlencode({"response_type": "code", "client_id": client.id, "redirect_uri": CALLBACK,
                                    "scope": "openid email", "state": state, "code_challenge": challenge,
                                    "code_challenge_method": "S256", "nonce": "browser-nonce"})
    return f"{pool.domain_url}/oauth2/authorize?{query}", state, verifier


def arrive(page: Any, pattern: re.Pattern[str]) -> None:
    """Wait until the page's URL matches ``pattern``; else fail with where it is and what it says."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_url(pattern, timeout=60_000)
    except PlaywrightTimeout:
        pytest.fail(f"the browser is at {page.url}, not {pattern.pattern}; the page says: {page.inner_text('body')[:1000]!r}")


def go(page: Any, url: str) -> None:
    """Open ``url``; a navigation that ends on the app's unserved URL (no server listens there) is fine."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        page.goto(url)
    except PlaywrightError as failed:
        if "ERR_CONNECTION_REFUSED" not in str(failed) or not page.sent_to_app:
            raise


def landed_code(page: Any, state: str) -> str:
    """The code of the redirect to the app's callback the browser was sent (checking its ``state``)."""
    for _ in range(600):
        if page.sent_to_app:
            break
        page.wait_for_timeout(100)
    else:
        pytest.fail(f"the browser was not sent to the app; it is at {page.url}: {page.inner_text('body')[:1000]!r}")
    sent = page.sent_to_app.pop()
    params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(sent).query))
    assert sent.startswith(CALLBACK + "?") and params["state"] == state
    return params["code"]


def exchange(pool: Any, client: Any, code: str, verifier: str) -> dict[str, Any]:
    from cdktf_userpool.local import ManagedLogin

    status, tokens = ManagedLogin(pool.domain_url, client.id, CALLBACK).token(
        grant_type="authorization_code", code=code, redirect_uri=CALLBACK, code_verifier=verifier)
    assert status == 200, tokens
    return tokens


def test_chromium_signs_up_confirms_and_lands_on_the_callback_with_a_code(
        page: Any, cognito_aws: Any, flows: Pool, flows_pool: Any, web: Any) -> None:
    cognito_aws.trace(flows.id, clear=True)
    cognito_aws.outbox(flows.id, clear=True)
    url, state, verifier = authorize_url(flows_pool, web)
    page.goto(url)
    assert page.title() == "Sign in"
    page.click("text=Sign up")
    page.fill("#username", "browser-ada@example.com")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#code")  # the confirm page (redirects within the domain are followed in forward())
    assert page.title() == "Confirm your account"
    (mail,) = cognito_aws.outbox(flows.id, clear=True)
    page.fill("#code", mail.code)
    page.click("text=Confirm account")
    code = landed_code(page, state)
    tokens = exchange(flows_pool, web, code, verifier)
    ident = claims(cognito_aws, flows.id, tokens["id_token"], web.id)
    assert ident["email"] == "browser-ada@example.com" and ident["nonce"] == "browser-nonce"
    assert cognito_aws.trace_sources(flows.id, clear=True) == [
        "PreSignUp_SignUp", "CustomMessage_SignUp", "PostConfirmation_ConfirmSignUp", *HOSTED]

    again, state, verifier = authorize_url(flows_pool, web)  # the session cookie: no form this time
    go(page, again)
    assert "id_token" in exchange(flows_pool, web, landed_code(page, state), verifier)


def test_chromium_signs_in_and_a_refusing_trigger_shows_cognitos_message(
        page: Any, cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any, web: Any) -> None:
    confirmed_user(cognito_aws, flows, public_idp, "browser-preauth-raise@example.com")
    confirmed_user(cognito_aws, flows, public_idp, "browser-bob@example.com")
    url, state, verifier = authorize_url(flows_pool, web)
    page.goto(url)
    page.fill("#username", "browser-preauth-raise@example.com")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    assert page.text_content("#error") == "PreAuthentication failed with error sign-in blocked."
    assert "/login?" in page.url
    page.fill("#username", "browser-bob@example.com")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    tokens = exchange(flows_pool, web, landed_code(page, state), verifier)
    assert claims(cognito_aws, flows.id, tokens["access_token"])["username"]


@pytest.fixture(scope="module")
def amplify_bundle(node: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """tests/local/js/oauth-page.mjs (Amplify JS v6's OAuth redirect sign-in) bundled for the browser by esbuild."""
    import subprocess

    from .conftest import JS

    out = tmp_path_factory.mktemp("amplify") / "app.js"
    done = subprocess.run([node, "bundle.mjs", str(out)], cwd=JS, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return out.read_text()


def test_amplify_signs_in_with_its_oauth_redirect_in_chromium(
        chromium: Any, amplify_bundle: str, cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any,
        web: Any) -> None:
    """Amplify builds ``https://<domain>/oauth2/...`` URLs, so the browser's https requests to the emulator's
    host are answered by the emulator (over http) through Playwright's routing; paths are unchanged."""
    import json

    confirmed_user(cognito_aws, flows, public_idp, "browser-amplify@example.com")
    emulator = cognito_aws.endpoint_url
    secure = "https://" + emulator.removeprefix("http://")
    settings = {"userPoolId": flows.id, "userPoolClientId": web.id, "redirect": CALLBACK,
                "domain": flows_pool.domain_url.removeprefix("http://")}
    html = (f"<!doctype html><html><head><title>The app</title><script>window.APP = {json.dumps(settings)};</script>"
            '<script src="/app.js"></script></head><body><h1>The app</h1></body></html>')

    def app(route: Any) -> None:
        if route.request.url.endswith("/app.js"):
            route.fulfill(status=200, content_type="text/javascript", body=amplify_bundle)
        else:
            route.fulfill(status=200, content_type="text/html", body=html)

    context = chromium.new_context()
    context.route(APP, app)
    context.route(re.compile("^" + re.escape(secure) + "/"), lambda route: forward(route, emulator, secure))
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto("http://localhost:3000/")
        page.evaluate("() => { window.signIn(); }")
        page.wait_for_selector("#username")  # the sign-in page (at the authorize URL: see forward())
        assert page.title() == "Sign in"
        page.fill("#username", "browser-amplify@example.com")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        arrive(page, re.compile("^" + re.escape(CALLBACK)))
        page.wait_for_function("window.authEvents.some(e => e.event.startsWith('signInWithRedirect'))")
        events = page.evaluate("window.authEvents")
        assert {"event": "signInWithRedirect", "message": None} in events, events
        session = page.evaluate("window.session()")
    finally:
        context.close()
    ident = claims(cognito_aws, flows.id, session["idToken"], web.id)
    assert ident["email"] == "browser-amplify@example.com" and ident["tenant"] == "acme"
    assert claims(cognito_aws, flows.id, session["accessToken"])["client_id"] == web.id


def test_chromium_answers_the_authenticators_code_on_its_page(
        page: Any, cognito_aws: Any, flows: Pool, public_idp: Any, flows_pool: Any, web: Any) -> None:
    from .test_mfa import enrolled, next_code

    _, secret, _ = enrolled(cognito_aws, flows, public_idp, "browser-totp@example.com")
    url, state, verifier = authorize_url(flows_pool, web)
    page.goto(url)
    page.fill("#username", "browser-totp@example.com")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#code")
    assert page.title() == "Multi-factor authentication"
    assert "authenticator app" in (page.text_content("#notice") or "")
    page.fill("#code", "000000" if next_code(secret) != "000000" else "111111")
    page.click("button[type=submit]")
    assert page.text_content("#error") == "Invalid code received for user"
    page.fill("#code", next_code(secret))
    page.click("button[type=submit]")
    tokens = exchange(flows_pool, web, landed_code(page, state), verifier)
    assert claims(cognito_aws, flows.id, tokens["id_token"], web.id)["email"] == "browser-totp@example.com"
