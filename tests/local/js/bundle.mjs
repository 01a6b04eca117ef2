// Bundles oauth-page.mjs (Amplify JS v6 and its dependencies) into one browser script: node bundle.mjs <outfile>
import { build } from "esbuild";

await build({
  entryPoints: ["oauth-page.mjs"],
  bundle: true,
  format: "iife",
  platform: "browser",
  outfile: process.argv[2],
  logLevel: "warning",
});
