// One step of a Cognito flow with amazon-cognito-identity-js, against the endpoint given; prints JSON.
// node flow.js <signup|confirm|signin> <endpoint> <poolId> <clientId> <email> <password-or-code>
"use strict";
const { AuthenticationDetails, CognitoUser, CognitoUserAttribute, CognitoUserPool } = require("amazon-cognito-identity-js");

const [step, endpoint, poolId, clientId, email, secret] = process.argv.slice(2);
const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint });
const user = new CognitoUser({ Username: email, Pool: pool });
const done = (error, value) => {
  if (error) {
    console.log(JSON.stringify({ error: { code: error.code || error.name, message: error.message } }));
    process.exit(1);
  }
  console.log(JSON.stringify(value));
};
const timer = setTimeout(() => done({ code: "Timeout", message: `${step} took more than 60 s` }), 60000);
const finish = (error, value) => { clearTimeout(timer); done(error, value); };

if (step === "signup") {
  const attributes = [new CognitoUserAttribute({ Name: "email", Value: email })];
  pool.signUp(email, secret, attributes, null, (error, result) =>
    finish(error, result && { userSub: result.userSub, userConfirmed: result.userConfirmed, delivery: result.codeDeliveryDetails }));
} else if (step === "confirm") {
  user.confirmRegistration(secret, true, (error, result) => finish(error, { result }));
} else if (step === "signin") {
  // the library's default flow: USER_SRP_AUTH
  user.authenticateUser(new AuthenticationDetails({ Username: email, Password: secret }), {
    onSuccess: (session) => finish(null, { idToken: session.getIdToken().getJwtToken(), accessToken: session.getAccessToken().getJwtToken() }),
    onFailure: (error) => finish(error),
  });
} else {
  finish({ code: "Usage", message: `unknown step ${step}` });
}
