// Amplify JS v6 (aws-amplify, pinned in package.json) against the endpoint given, from Node: SRP sign-in,
// a forced refresh (GetTokensFromRefreshToken), the user's attributes (GetUser), sign-out (RevokeToken),
// a second sign-in and a global sign-out (GlobalSignOut). Prints one JSON line: the tokens of each
// step, for the test to check which the local pool still accepts; on an error, {"error": ...} and exit 1.
// node amplify.mjs <endpoint> <poolId> <clientId> <username> <password>
import { Amplify } from "aws-amplify";
import { fetchAuthSession, fetchUserAttributes, signIn, signOut } from "aws-amplify/auth";

const [endpoint, userPoolId, userPoolClientId, username, password] = process.argv.slice(2);
Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: endpoint } } });

const tokens = (session) => ({
  accessToken: session.tokens.accessToken.toString(),
  idToken: session.tokens.idToken.toString(),
});
const timer = setTimeout(() => {
  console.log(JSON.stringify({ error: { name: "Timeout", message: "the flow took more than 90 s" } }));
  process.exit(1);
}, 90000);

try {
  const first = await signIn({ username, password });
  if (!first.isSignedIn) throw new Error(`not signed in: ${JSON.stringify(first.nextStep)}`);
  const signedIn = tokens(await fetchAuthSession());
  const refreshed = tokens(await fetchAuthSession({ forceRefresh: true }));
  const attributes = await fetchUserAttributes();
  await signOut();
  const afterSignOut = await fetchAuthSession();
  await signIn({ username, password });
  const second = tokens(await fetchAuthSession());
  await signOut({ global: true });
  clearTimeout(timer);
  console.log(JSON.stringify({ signedIn, refreshed, attributes, signedOutHasTokens: Boolean(afterSignOut.tokens), second }));
} catch (error) {
  clearTimeout(timer);
  console.log(JSON.stringify({ error: { name: error.name, message: error.message, cause: String(error.underlyingError || "") } }));
  process.exit(1);
}
