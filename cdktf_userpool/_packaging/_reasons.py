"""The reasons (why, and how to fix) that packaging errors give, in one place.

Each is one or two sentences ending with a period; some are templates filled with ``str.format``.
"""

from __future__ import annotations

INFRASTRUCTURE = (
    "it is infrastructure (a construct, app, stack, or one of their methods), which exists only while "
    "synthesizing. Capture what the function needs as plain data or as a Terraform token string in a variable "
    "(for example table_name = table.name), and read that instead."
)
INFRASTRUCTURE_POOL = (
    "it is a user pool, which exists only while synthesizing. A trigger reads its own pool's ID from the event at "
    "run time (event['userPoolId']) and gets permissions on it with pool.grant(function, 'AdminAddUserToGroup', ...); "
    "capturing the pool's ID would make a dependency cycle (the pool refers to its triggers). For another pool, "
    "capture other_pool.user_pool_id in a variable and read that."
)
SYNTH_ENVIRONMENT = (
    "its value is that of the synth machine's environment variable {variable!r}, and nothing read from the synth "
    "machine's environment is ever written into a package (it would be frozen, and CI secrets would end up in plain "
    "text in the zip). Read os.environ inside the function or at module level, so Lambda's own environment is read "
    "at run time, and set the variable with Function(environment={{...}})."
)
NAMESPACE_USE = (
    "Plain data read as attributes of {module!r} (module.NAME) can be shipped without copying the module; other "
    "uses of it cannot."
)
INFRASTRUCTURE_STATEMENT = (
    "the module-level statement that defines {needed!r} also binds it, and it is infrastructure. Define what the "
    "function needs in a statement (or a module) that does not build infrastructure."
)
ARBITRARY_CLOSURE = (
    "objects captured from an enclosing function cannot be rebuilt in Lambda (only plain data, Terraform token "
    "strings, modules, and named functions or classes can). Create it inside the function, or at module level in a "
    "module without infrastructure, or pass the value as plain data."
)
ARBITRARY_GLOBAL = (
    "no statement of its module defines it, so it cannot be rebuilt in Lambda. Create it inside the function, or at "
    "module level in a module without infrastructure, or pass the value as plain data."
)
STAR_IMPORT = (
    "it is bound by a 'from ... import *' (line {line}), so where it comes from cannot be traced. Import it explicitly."
)
UNDEFINED = (
    "it is not defined in the function's module, in its closure, or in the builtins. Define it or import it explicitly."
)
NO_SOURCE = (
    "its source code is not available (it was defined in the REPL, a notebook cell, or with exec). Define it in a "
    "module file."
)
STALE = "its source file no longer matches the running code (it changed after it was imported). Run the app again."
EMPTY_CELL = "the enclosing function had not assigned it yet when the function was created. Assign it first."
TOKEN_IN_DATA = (
    "it holds Terraform tokens inside a container (at {paths}), and only a string that is itself a token can be "
    "shipped, as an environment variable. Capture each token in a variable of its own."
)
ENV_NAME = (
    "a Terraform token is shipped as an environment variable named after the variable, upper-cased ({env!r}), and "
    "that name is not allowed (it must match [A-Z_][A-Z0-9_]* and not be reserved by Lambda). Rename the variable."
)
ENV_CONFLICT = (
    "another variable holding a different token also maps to the environment variable {env!r}. Rename one of them."
)
CONFLICT = (
    "the generated module would need this name for two different values (for example a closure variable and a "
    "module-level name of the same name). Rename one of them."
)
SHARED_STATEMENT = (
    "it is defined in the same top-level statement as the handler, which is not copied whole. Move it into a "
    "statement of its own."
)
UNKNOWN_DECORATOR = (
    "the decorator is a local variable of the enclosing function, so it cannot be rebuilt in Lambda. Apply it at "
    "module level, or register the undecorated function."
)
NONLOCAL = (
    "a 'nonlocal' variable belongs to the enclosing function, which does not exist in Lambda. Keep the state in a "
    "module-level variable (with 'global') instead."
)
NOT_STANDALONE = "the function cannot be compiled on its own ({detail}). Move it to module level."
NOT_A_FUNCTION = (
    "Cannot package {value!r}: only plain Python functions (def, async def or lambda) can become Lambda handlers. "
    "Pass a function, not a {kind}."
)
METHOD = "it uses super() or __class__, which need the class it was defined in. Make the handler a plain function."
