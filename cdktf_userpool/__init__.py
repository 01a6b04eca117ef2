"""cdktf-userpool: Amazon Cognito user pools with Python Lambda triggers, for CDK for Terraform."""

from ._version import __version__ as __version__
from .errors import ArgumentTypeError as ArgumentTypeError
from .errors import CaptureError as CaptureError
from .errors import ConfigurationError as ConfigurationError
from .errors import ImportedPoolError as ImportedPoolError
from .errors import NoLocalCodeError as NoLocalCodeError
from .errors import PackagingError as PackagingError
from .errors import TriggerConflictError as TriggerConflictError
from .errors import TriggerInvocationError as TriggerInvocationError
from .errors import UnknownTriggerError as UnknownTriggerError
from .errors import UserPoolError as UserPoolError
from .errors import UserPoolWarning as UserPoolWarning
from .function import Function as Function
from .function import ImportedFunction as ImportedFunction
from .triggers import TRIGGERS as TRIGGERS
from .triggers import TriggerSpec as TriggerSpec
from .triggers import UserPoolOperation as UserPoolOperation
from .user_pool import LambdaTrigger as LambdaTrigger
from .user_pool import UserPool as UserPool

__all__ = [
    "TRIGGERS",
    "ArgumentTypeError",
    "CaptureError",
    "ConfigurationError",
    "Function",
    "ImportedFunction",
    "ImportedPoolError",
    "LambdaTrigger",
    "NoLocalCodeError",
    "PackagingError",
    "TriggerConflictError",
    "TriggerInvocationError",
    "TriggerSpec",
    "UnknownTriggerError",
    "UserPool",
    "UserPoolError",
    "UserPoolOperation",
    "UserPoolWarning",
    "__version__",
]
