"""The Lambda side: ``Function`` and ``Layer``, their options and checks, VPC, KMS keys, requirements and
imported functions. Imports :mod:`.._core`, :mod:`.._packaging`, :mod:`.._runner`'s neighbours below it, never the pool side.
"""
