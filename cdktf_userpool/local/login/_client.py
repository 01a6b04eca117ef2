"""A client of managed login for tests: a browser without JavaScript, over the standard library.

It keeps cookies, follows the domain's redirects, reads each page's form and error, and stops at the
app's redirect URI, which no server needs to serve: the code (or the tokens) are read from that URL.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from typing import Any

from ...errors import ManagedLoginError


@dataclass
class Form:
    """One form of a page: where it posts and its fields' values (hidden ones filled in)."""

    action: str
    fields: dict[str, str]


@dataclass
class LoginPage:
    """Where a request ended: a page of the domain, or the app's redirect URI (:attr:`redirect`)."""

    url: str
    status: int
    html: str = ""
    forms: list[Form] = field(default_factory=list)
    error: str | None = None
    """The page's refusal (``#error``), e.g. ``"Incorrect username or password."``."""
    links: dict[str, str] = field(default_factory=dict)
    """The page's links: text -> URL (``"Sign up"``, ``"Forgot your password?"``), for :meth:`ManagedLogin.open`."""
    redirect: str | None = None
    """The app URL the domain sent the browser to (with ``code``/``state`` or ``error``), if it did."""

    @property
    def params(self) -> dict[str, str]:
        """The query (and fragment) parameters of :attr:`redirect`."""
        parts = urllib.parse.urlsplit(self.redirect or "")
        found = dict(urllib.parse.parse_qsl(parts.query))
        found.update(urllib.parse.parse_qsl(parts.fragment))
        return found


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self.error: str | None = None
        self.links: dict[str, str] = {}
        self._in_error = False
        self._link: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(found.get("action", ""), {}))
        elif tag == "input" and self.forms and found.get("name"):
            self.forms[-1].fields[found["name"]] = found.get("value", "")
        elif tag == "a" and found.get("href"):
            self._link, self._text = found["href"], ""
        elif found.get("id") == "error":
            self._in_error, self.error = True, ""

    def handle_endtag(self, tag: str) -> None:
        self._in_error = False
        if tag == "a" and self._link is not None:
            self.links[self._text.strip()] = self._link
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._in_error:
            self.error = (self.error or "") + data
        if self._link is not None:
            self._text += data


class _Stop(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def pkce_pair() -> tuple[str, str]:
    """A PKCE verifier and its ``S256`` challenge."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


class ManagedLogin:
    """Sign in through a local pool's managed login as a browser would, for tests and scripts.

    :param domain_url: the pool's :attr:`~cdktf_userpool.local.DeployedUserPool.domain_url`.
    :param client_id: the app client.
    :param redirect_uri: one of its callback URLs.
    :param client_secret: a confidential client's secret (sent to the token endpoint). Default: none.
    :param timeout: seconds per request. Default: 60 (the triggers may start cold).
    """

    def __init__(self, domain_url: str, client_id: str, redirect_uri: str, *, client_secret: str | None = None,
                 timeout: float = 60) -> None:
        self.domain_url = domain_url.rstrip("/")
        self.client_id, self.redirect_uri, self.client_secret = client_id, redirect_uri, client_secret
        self.timeout = timeout
        self.cookies = CookieJar()
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _Stop())
        self.verifier: str | None = None

    def _request(self, url: str, data: dict[str, str] | None = None) -> LoginPage:
        origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(self.domain_url))
        for _ in range(10):
            body = urllib.parse.urlencode(data).encode() if data is not None else None
            request = urllib.request.Request(urllib.parse.urljoin(origin, url), data=body)
            try:
                with self._opener.open(request, timeout=self.timeout) as answer:
                    status, headers, text = answer.status, answer.headers, answer.read().decode()
            except urllib.error.HTTPError as refused:
                status, headers, text = refused.code, refused.headers, refused.read().decode()
            location = headers.get("Location")
            if status in (301, 302, 303, 307) and location:
                target = urllib.parse.urljoin(request.full_url, location)
                if not target.startswith(self.domain_url):
                    return LoginPage(target, status, redirect=target)
                url, data = target, None
                continue
            parser = _Parser()
            parser.feed(text)
            return LoginPage(request.full_url, status, text, parser.forms, parser.error, parser.links)
        raise ManagedLoginError(f"managed login redirected more than 10 times, last to {url}")

    def authorize(self, *, scopes: list[str] | None = None, response_type: str = "code", pkce: bool = True,
                  **params: str) -> LoginPage:
        """``GET /oauth2/authorize`` (with a new PKCE pair, a ``state``, and ``params``): the sign-in page,
        or the app's redirect when a session signs in at once.

        :param scopes: the scopes to ask for. Default: the parameter left out (all the client allows).
        :param response_type: ``"code"`` (default) or ``"token"``.
        :param pkce: send a new ``S256`` challenge (its verifier goes to the code exchange). Default: ``True``.
        """
        return self._authorize(scopes, response_type, pkce, params)

    def _authorize(self, scopes: list[str] | None, response_type: str, pkce: bool, params: dict[str, str]) -> LoginPage:
        query: dict[str, str] = {"response_type": response_type, "client_id": self.client_id,
                                 "redirect_uri": self.redirect_uri, "state": secrets.token_urlsafe(8)}
        if scopes is not None:
            query["scope"] = " ".join(scopes)
        if pkce and response_type == "code":
            self.verifier, challenge = pkce_pair()
            query.update(code_challenge=challenge, code_challenge_method="S256")
        query.update(params)
        return self._request(f"{self.domain_url}/oauth2/authorize?{urllib.parse.urlencode(query)}")

    def open(self, path_or_url: str) -> LoginPage:
        """``GET`` a page of the domain (``"/signup?..."``, or a URL from a link)."""
        absolute = path_or_url.startswith(("http://", "https://", "/_domain/"))
        return self._request(path_or_url if absolute else f"{self.domain_url}/{path_or_url.lstrip('/')}")

    def submit(self, page: LoginPage, index: int = 0, **fields: str) -> LoginPage:
        """Post form ``index`` of ``page`` with ``fields`` filled in (its hidden fields kept)."""
        if len(page.forms) <= index:
            raise ManagedLoginError(f"the page {page.url} (HTTP {page.status}) has no form {index}; "
                                    f"its error: {page.error!r}")
        form = page.forms[index]
        return self._request(urllib.parse.urljoin(page.url, form.action), {**form.fields, **fields})

    def sign_in(self, username: str, password: str, *, scopes: list[str] | None = None, **params: str) -> dict[str, Any]:
        """Authorize, sign in with the form, exchange the code: the token endpoint's answer.

        :raises ManagedLoginError: the form refused (its message), or the domain sent an error back.
        """
        page = self._authorize(scopes, "code", True, params)
        if page.redirect is None:
            page = self.submit(page, username=username, password=password)
        return self.exchange(page)

    def exchange(self, page: LoginPage) -> dict[str, Any]:
        """Exchange the code of the app redirect ``page`` (with the PKCE verifier): the tokens."""
        if page.redirect is None or "code" not in page.params:
            raise ManagedLoginError(f"managed login did not send a code to the app: {page.error or page.params or page.url}")
        status, answer = self.token(grant_type="authorization_code", code=page.params["code"],
                                    redirect_uri=self.redirect_uri, **({"code_verifier": self.verifier}
                                                                       if self.verifier else {}))
        if status != 200:
            raise ManagedLoginError(f"the token endpoint refused the code: HTTP {status} {answer}")
        return answer

    def token(self, **form: str) -> tuple[int, dict[str, Any]]:
        """``POST /oauth2/token`` with ``form`` (and the client's ID, or its secret as HTTP Basic)."""
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if self.client_secret:
            basic = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
            headers["Authorization"] = f"Basic {basic}"
        else:
            form.setdefault("client_id", self.client_id)
        request = urllib.request.Request(f"{self.domain_url}/oauth2/token", data=urllib.parse.urlencode(form).encode(),
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as refused:
            return refused.code, json.loads(refused.read() or b"{}")
