// Amplify JS v6's OAuth redirect sign-in (signInWithRedirect), bundled by esbuild for a small local app page
// (tests/local/cognito/test_browser.py). The page sets window.APP before this script:
// { userPoolId, userPoolClientId, domain, redirect }. window.signIn() starts the redirect; back on the
// callback page Amplify exchanges the code itself; window.session() answers its tokens (or the error).
import { Amplify } from "aws-amplify";
import { fetchAuthSession, signInWithRedirect } from "aws-amplify/auth";
import "aws-amplify/auth/enable-oauth-listener";
import { Hub } from "aws-amplify/utils";

const app = window.APP;
Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: app.userPoolId,
      userPoolClientId: app.userPoolClientId,
      loginWith: {
        oauth: {
          domain: app.domain,
          scopes: ["openid", "email"],
          redirectSignIn: [app.redirect],
          redirectSignOut: [app.redirect],
          responseType: "code",
        },
      },
    },
  },
});

window.authEvents = [];
Hub.listen("auth", ({ payload }) => {
  window.authEvents.push({ event: payload.event, message: payload.data?.error?.message ?? null });
});
window.signIn = () => signInWithRedirect();
window.session = async () => {
  const session = await fetchAuthSession();
  return { idToken: session.tokens?.idToken?.toString() ?? null, accessToken: session.tokens?.accessToken?.toString() ?? null };
};
