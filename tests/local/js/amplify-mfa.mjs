// Amplify JS v6 (aws-amplify, pinned in package.json) signing in with a second factor, from Node, against the
// endpoint given. The codes come from the test: the script prints {"ask": ...} and reads one line from stdin
// (a TOTP code the test computes with pyotp from the secret, or the email code from the local pool's outbox).
// Last line: {"steps": [...], ...} with every sign-in step Amplify reported; on an error {"error": ...}, exit 1.
//   node amplify-mfa.mjs totp <endpoint> <poolId> <clientId> <username> <password>
//     MFA required: set up an authenticator while signing in, sign in again with a code, remember the
//     device, and sign in from it without a code; MFA preferences and devices listed on the way.
//   node amplify-mfa.mjs email <endpoint> <poolId> <clientId> <username> <password>
//     An email code, then an authenticator added with no preference: the choice, then the email code.
import { createInterface } from "node:readline";
import { Amplify } from "aws-amplify";
import {
  confirmSignIn, fetchDevices, fetchMFAPreference, forgetDevice, rememberDevice, setUpTOTP, signIn, signOut,
  updateMFAPreference, verifyTOTPSetup,
} from "aws-amplify/auth";

const [mode, endpoint, userPoolId, userPoolClientId, username, password] = process.argv.slice(2);
// Amplify names a new device after the browser's navigator, which Node 20 lacks: without one it skips ConfirmDevice
globalThis.navigator ??= { userAgent: "Node.js (cdktf-userpool tests)" };
Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint: endpoint } } });

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function ask(question) {
  console.log(JSON.stringify({ ask: question }));
  const { value } = await lines.next();
  return value.trim();
}
const steps = [];
const step = (result) => {
  steps.push(result.nextStep.signInStep);
  return result;
};
const timer = setTimeout(() => {
  console.log(JSON.stringify({ error: { name: "Timeout", message: "the flow took more than 120 s" }, steps }));
  process.exit(1);
}, 120000);

async function totp() {
  let result = step(await signIn({ username, password }));
  const secret = result.nextStep.totpSetupDetails.sharedSecret;
  result = step(await confirmSignIn({ challengeResponse: await ask({ totp: secret }) }));
  const preference = await fetchMFAPreference();
  await signOut();
  result = step(await signIn({ username, password }));
  result = step(await confirmSignIn({ challengeResponse: await ask({ totp: secret }) }));
  await rememberDevice();
  const devices = await fetchDevices();
  await signOut();
  result = step(await signIn({ username, password }));
  const remembered = result.isSignedIn;
  await forgetDevice();
  await signOut();
  result = step(await signIn({ username, password }));
  return { preference, devices, remembered };
}

async function email() {
  let result = step(await signIn({ username, password }));
  const destination = result.nextStep.codeDeliveryDetails?.destination;
  result = step(await confirmSignIn({ challengeResponse: await ask({ email: true }) }));
  const setup = await setUpTOTP();
  await verifyTOTPSetup({ code: await ask({ totp: setup.sharedSecret }) });
  await updateMFAPreference({ totp: "ENABLED", email: "NOT_PREFERRED" });
  const preference = await fetchMFAPreference();
  await signOut();
  result = step(await signIn({ username, password }));
  const allowed = result.nextStep.allowedMFATypes;
  result = step(await confirmSignIn({ challengeResponse: "EMAIL" }));
  result = step(await confirmSignIn({ challengeResponse: await ask({ email: true }) }));
  return { destination, preference, allowed };
}

try {
  const found = mode === "totp" ? await totp() : await email();
  clearTimeout(timer);
  console.log(JSON.stringify({ steps, ...found }));
  process.exit(0);
} catch (error) {
  clearTimeout(timer);
  console.log(JSON.stringify({ error: { name: error.name, message: error.message }, steps }));
  process.exit(1);
}
